//! Video and audio addresses: which platform a video is on and the address
//! of its player, so a page can show a plain link and load the player only
//! when the citizen clicks (no request to YouTube, TikTok or Facebook before).
//!
//! Pure string work: no request is made to check an address.

/// Where a video lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    YouTube,
    TikTok,
    Facebook,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::YouTube => "YouTube",
            Platform::TikTok => "TikTok",
            Platform::Facebook => "Facebook",
        }
    }
}

/// A video the site can embed: its platform and the player's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    pub platform: Platform,
    pub player: String,
}

/// `https://www.youtube.com/watch?v=abc` → host `youtube.com`, path `/watch`, query.
fn split(url: &str) -> Option<(String, &str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .map(str::to_string)
        .unwrap_or(host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.split('#').next().unwrap_or("");
    Some((host, path, query))
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Percent-encode a text (a whole URL) as a query value: share links and
/// player addresses carry the page's address this way.
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The player for a video address, if it is on a platform the site embeds.
pub fn embed(url: &str) -> Option<Embed> {
    let (host, path, query) = split(url.trim())?;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let youtube = |id: &str| {
        is_id(id).then(|| Embed {
            platform: Platform::YouTube,
            // The no-cookie host: no tracking cookie even after the click.
            player: format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
        })
    };
    match host.as_str() {
        "youtube.com" | "music.youtube.com" => match segments.as_slice() {
            ["watch"] => query
                .split('&')
                .find_map(|kv| kv.strip_prefix("v="))
                .and_then(youtube),
            ["shorts" | "embed" | "live", id] => youtube(id),
            _ => None,
        },
        "youtu.be" => segments.first().and_then(|id| youtube(id)),
        "tiktok.com" => match segments.as_slice() {
            [user, "video", id]
                if user.starts_with('@') && id.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(Embed {
                    platform: Platform::TikTok,
                    player: format!("https://www.tiktok.com/player/v1/{id}?autoplay=1"),
                })
            }
            _ => None,
        },
        "facebook.com" | "fb.watch" => {
            let is_video = host == "fb.watch"
                || segments.contains(&"videos")
                || segments.first() == Some(&"watch")
                || segments.first() == Some(&"reel");
            is_video.then(|| Embed {
                platform: Platform::Facebook,
                player: format!(
                    "https://www.facebook.com/plugins/video.php?href={}&show_text=false&autoplay=true",
                    encode_query_value(url.trim())
                ),
            })
        }
        _ => None,
    }
}

/// Whether an address is a file of the site itself (`/files/…`).
pub fn is_local(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn youtube_addresses_in_all_their_forms() {
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        ] {
            let e = embed(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(e.platform, Platform::YouTube);
            assert_eq!(
                e.player,
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
            );
        }
        assert_eq!(embed("https://www.youtube.com/@ubndxa"), None);
        assert_eq!(embed("https://youtu.be/<script>"), None);
    }

    #[test]
    fn tiktok_and_facebook_videos() {
        let t = embed("https://www.tiktok.com/@xacanhvinh/video/7312345678901234567").unwrap();
        assert_eq!(t.platform, Platform::TikTok);
        assert_eq!(
            t.player,
            "https://www.tiktok.com/player/v1/7312345678901234567?autoplay=1"
        );
        let f = embed("https://www.facebook.com/ubnd.canhvinh/videos/123456789/").unwrap();
        assert_eq!(f.platform, Platform::Facebook);
        assert!(f.player.starts_with(
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fubnd.canhvinh%2Fvideos%2F123456789%2F&"
        ));
        assert_eq!(embed("https://www.facebook.com/ubnd.canhvinh"), None);
        assert_eq!(embed("https://vimeo.com/123"), None);
        assert_eq!(embed("/files/video.mp4"), None);
    }
}
