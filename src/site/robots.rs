//! `robots.txt`: everything may be crawled, and the sitemap is named by its absolute URL.

use super::config::BaseUrl;

/// The text of `robots.txt`.
pub fn robots(base: &BaseUrl) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        base.url()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_all_and_names_the_sitemap() {
        let base = BaseUrl::parse("https://example.org/blog/").unwrap();
        assert_eq!(
            robots(&base),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/blog/sitemap.xml\n"
        );
    }
}
