//! Profiles: the effective settings (configuration, catalogue, enabled rules, severities) of
//! the files one configuration governs, and which profile each file of a run is judged by.

use super::*;

/// The effective settings of the files one configuration governs.
#[derive(Debug, Clone)]
pub(super) struct Profile {
    pub(super) config: Arc<Config>,
    pub(super) catalog: Arc<Catalog>,
    /// Rule ids enabled.
    pub(super) rules: Vec<&'static str>,
    pub(super) severity: HashMap<&'static str, Severity>,
    /// A hash of what this configuration changes in the facts (its catalogue additions).
    pub(super) context: u128,
}

pub(super) fn catalog_key(config: &Config) -> u128 {
    xxhash_rust::xxh3::xxh3_128(format!("{:?}", config.clients).as_bytes())
}

/// The profiles of a run and the profile of each file.
#[derive(Debug, Clone)]
pub(super) struct Profiles {
    pub(super) list: Vec<Profile>,
}

impl Profiles {
    /// Resolve the profile of every path (in order).
    pub(super) fn resolve<'p>(
        settings: &Settings,
        paths: impl Iterator<Item = &'p Path>,
        known: crate::config::KnownFiles<'_>,
    ) -> Result<(Profiles, Vec<usize>), RunError> {
        let mut profiles = Profiles {
            list: vec![settings.profile(None)],
        };
        // A directory's files share its configuration: resolve once per run of them (the
        // walk gives a directory's files together).
        let mut last: Option<(&Path, usize)> = None;
        let of = paths
            .map(|p| {
                let dir = p.parent().unwrap_or(Path::new(""));
                match last {
                    Some((d, i)) if d == dir => Ok(i),
                    _ => {
                        let i = profiles.index_for(settings, p, known)?;
                        last = Some((dir, i));
                        Ok(i)
                    }
                }
            })
            .collect::<Result<_, _>>()?;
        Ok((profiles, of))
    }

    /// The profile of the file at `path` (0: the base settings), added when its configuration
    /// has none yet.
    pub(super) fn index_for(
        &mut self,
        settings: &Settings,
        path: &Path,
        known: crate::config::KnownFiles<'_>,
    ) -> Result<usize, RunError> {
        if !settings.nearest_config {
            return Ok(0);
        }
        let Some(config) = settings
            .resolver
            .for_file_with(path, known)
            .map_err(RunError::Config)?
        else {
            return Ok(0);
        };
        if let Some(i) = self
            .list
            .iter()
            .skip(1)
            .position(|p| p.config.path == config.path)
        {
            return Ok(i + 1);
        }
        self.list.push(settings.profile(Some(config)));
        Ok(self.list.len() - 1)
    }

    /// The catalogue rules and the prefilter use: the base one, with every configuration's
    /// additions when several configurations add clients.
    pub(super) fn union_catalog(&self, settings: &Settings) -> Arc<Catalog> {
        let extra: Vec<&Profile> = self
            .list
            .iter()
            .filter(|p| !Arc::ptr_eq(&p.catalog, &settings.catalog))
            .collect();
        match extra.as_slice() {
            [] => settings.catalog.clone(),
            [one] => one.catalog.clone(),
            _ => {
                let mut cat = (*settings.catalog).clone();
                let mut seen = BTreeSet::new();
                for p in extra {
                    for (lang, def) in &p.config.clients {
                        if seen.insert((lang.clone(), def.id.clone())) {
                            cat.add_client(lang, def.clone());
                        }
                    }
                }
                Arc::new(cat)
            }
        }
    }
}
