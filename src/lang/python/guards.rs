//! Guards that make what follows run once per process or per object: a result cached in a
//! `global` the function returns early on, a run-once flag (`if not self._initialized:`).

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// Does the function return early, before byte `at`, when a `global` it assigns is set
    /// (`global _key_cache` … `if _key_cache: return …` … `_key_cache = key`)? What follows runs
    /// only until that result is cached: the client it builds is built once, not per call.
    pub(super) fn result_cached(&self, owner: Node<'t>, info: &BodyInfo<'t>, at: u32) -> bool {
        let src = self.src;
        let assigned = |name: &str| {
            info.globals.contains(name)
                && info
                    .assigns
                    .iter()
                    .any(|(l, _)| l.kind_name() == "identifier" && text(*l, src) == name)
        };
        self.body_statements(owner)
            .iter()
            .take_while(|st| (st.start_byte() as u32) < at)
            .filter(|st| st.kind_name() == "if_statement")
            .any(|st| {
                let returns = st.field("consequence").is_some_and(|c| {
                    named_children(c)
                        .last()
                        .is_some_and(|l| l.kind_name() == "return_statement")
                });
                // (A conjunct too: `if not refresh and _CACHE is not None and fresh: return
                // _CACHE`.)
                let tests = st.field("condition").is_some_and(|c| {
                    super::syntax::any_conjunct(c, &mut |c| {
                        let c = if c.kind_name() == "comparison_operator" {
                            c.named_child(0).unwrap_or(c)
                        } else {
                            c
                        };
                        c.kind_name() == "identifier" && assigned(text(c, src))
                    })
                });
                returns && tests
            })
    }

    /// A run-once flag around the site at `at`: it lies in an `if not F:` whose block sets `F =
    /// True` (`if not self._initialized: await self._load_pricing_data(); self._initialized =
    /// True`), so what it builds is built once per object (`F` on `self`) or per process (a
    /// `global` of the function).
    pub(super) fn flag_guard(
        &self,
        owner: Node<'t>,
        info: &BodyInfo<'t>,
        at: u32,
    ) -> Option<Guard> {
        let src = self.src;
        let site = owner.descendant_for_byte_range(at as usize, at as usize + 1)?;
        let mut cur = site;
        while let Some(p) = cur.parent() {
            if p.id() == owner.id() {
                break;
            }
            if p.kind_name() == "if_statement"
                && let Some(block) = p.field("consequence").filter(|c| c.id() == cur.id())
                && let Some(cond) = p.field("condition").map(strip)
                && cond.kind_name() == "not_operator"
                && let Some(flag) = cond.field("argument").map(strip)
            {
                let name = compact(text(flag, src));
                let on_self = flag.kind_name() == "attribute" && name.starts_with("self.");
                let global = flag.kind_name() == "identifier" && info.globals.contains(&name);
                let sets = named_children(block).into_iter().any(|st| {
                    st.kind_name() == "expression_statement"
                        && st.named_child(0).is_some_and(|a| {
                            a.kind_name() == "assignment"
                                && a.field("left")
                                    .is_some_and(|l| compact(text(l, src)) == name)
                                && a.field("right").is_some_and(|r| text(r, src) == "True")
                        })
                });
                if sets && (on_self || global) {
                    return Some(if on_self {
                        Guard::Owner
                    } else {
                        Guard::ModuleCache
                    });
                }
            }
            cur = p;
        }
        None
    }
}
