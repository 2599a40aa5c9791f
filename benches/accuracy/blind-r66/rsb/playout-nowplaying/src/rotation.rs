//! Builds the overnight rotation from the music library. Files are named
//! `Artist - Title [ISRC].ext`; an artist is not repeated within six tracks.
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use serde::Serialize;

const ARTIST_SEPARATION: usize = 6;

#[derive(Clone, Debug)]
pub struct Track {
    pub path: PathBuf,
    pub artist: String,
    pub title: String,
    pub isrc: Option<String>,
    pub duration_s: u32,
}

#[derive(Serialize)]
pub struct NowPlaying<'a> {
    artist: &'a str,
    title: &'a str,
    show: &'static str,
}

impl Track {
    pub fn display_title(&self) -> String {
        format!("{} - {}", self.artist, self.title)
    }

    pub fn now_playing(&self) -> NowPlaying<'_> {
        NowPlaying { artist: &self.artist, title: &self.title, show: "Overnight Automation" }
    }

    fn from_path(path: &Path) -> Option<Track> {
        let stem = path.file_stem()?.to_str()?;
        let (artist, rest) = stem.split_once(" - ")?;
        let (title, isrc) = match rest.rsplit_once(" [") {
            Some((t, code)) => (t, Some(code.trim_end_matches(']').to_string())),
            None => (rest, None),
        };
        Some(Track {
            path: path.to_path_buf(),
            artist: artist.trim().to_string(),
            title: title.trim().to_string(),
            isrc,
            duration_s: 0,
        })
    }
}

pub struct Rotation {
    tracks: Vec<Track>,
    cursor: usize,
    recent_artists: VecDeque<String>,
}

impl Rotation {
    pub fn scan(dir: &str) -> std::io::Result<Self> {
        let mut tracks = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let audio = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("mp3") | Some("flac") | Some("ogg") | Some("wav")
            );
            if audio {
                if let Some(t) = Track::from_path(&path) {
                    tracks.push(t);
                }
            }
        }
        tracks.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Self { tracks, cursor: 0, recent_artists: VecDeque::new() })
    }

    pub fn len(&self) -> usize {
        self.tracks.len()
    }

    pub fn next_track(&mut self) -> Track {
        let n = self.tracks.len();
        for step in 0..n {
            let idx = (self.cursor + step * 7) % n;
            let candidate = &self.tracks[idx];
            if !self.recent_artists.contains(&candidate.artist) || step == n - 1 {
                self.cursor = (idx + 1) % n;
                self.recent_artists.push_back(candidate.artist.clone());
                if self.recent_artists.len() > ARTIST_SEPARATION {
                    self.recent_artists.pop_front();
                }
                return candidate.clone();
            }
        }
        unreachable!("rotation is never empty")
    }
}
