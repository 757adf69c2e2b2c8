//! Control-flow analysis for structured emission, after Ramsey's "Beyond
//! Relooper" (2022): reverse postorder, dominator tree, loop headers and
//! merge nodes of a reducible SSA control-flow graph.

pub struct Cfg {
    /// Reverse-postorder number of each block (usize::MAX if unreachable).
    pub rpo: Vec<usize>,
    /// Dominator-tree children, in reverse postorder.
    pub children: Vec<Vec<usize>>,
    pub loop_header: Vec<bool>,
    pub merge: Vec<bool>,
}

impl Cfg {
    /// Analyses the blocks reachable from root. Fails on an irreducible
    /// graph (a cycle entered other than through its header).
    /// Analyses the graph given by successor and predecessor lists (some
    /// edges of the SSA graph may be pruned).
    pub fn new(succs: &[Vec<usize>], preds: &[Vec<usize>], root: usize) -> Result<Cfg, String> {
        let Dominators { order, rpo, idom } = Dominators::new(succs, preds, root);
        let n = succs.len();
        let mut children = vec![Vec::new(); n];
        for &b in order.iter().skip(1) {
            children[idom[b]].push(b);
        }
        let mut loop_header = vec![false; n];
        let mut merge = vec![false; n];
        for &b in &order {
            let mut forward_preds = 0;
            for &p in &preds[b] {
                if rpo[p] == usize::MAX {
                    continue;
                }
                if rpo[p] >= rpo[b] {
                    if !dominates(&idom, b, p) {
                        return Err("irreducible control flow".into());
                    }
                    loop_header[b] = true;
                } else {
                    forward_preds += 1;
                }
            }
            merge[b] = forward_preds >= 2;
        }
        Ok(Cfg {
            rpo,
            children,
            loop_header,
            merge,
        })
    }

    /// Dominator-tree children of b that are merge nodes, the one with the
    /// highest reverse-postorder number first (it becomes the outermost
    /// block).
    pub fn merge_children(&self, b: usize) -> Vec<usize> {
        let mut ys: Vec<usize> = self.children[b]
            .iter()
            .copied()
            .filter(|&c| self.merge[c])
            .collect();
        ys.sort_by_key(|&c| std::cmp::Reverse(self.rpo[c]));
        ys
    }

    pub fn is_backward(&self, from: usize, to: usize) -> bool {
        self.rpo[to] <= self.rpo[from]
    }
}

/// Reverse postorder and immediate dominators of the blocks reachable from
/// a root; defined for any graph, reducible or not.
pub struct Dominators {
    /// The reachable blocks in reverse postorder.
    pub order: Vec<usize>,
    /// Reverse-postorder number of each block (usize::MAX if unreachable).
    pub rpo: Vec<usize>,
    /// Immediate dominator of each block (the root's is itself; usize::MAX
    /// if unreachable).
    pub idom: Vec<usize>,
}

impl Dominators {
    pub fn new(succs: &[Vec<usize>], preds: &[Vec<usize>], root: usize) -> Dominators {
        let n = succs.len();
        let mut order = Vec::with_capacity(n);
        let mut visited = vec![false; n];
        // Iterative DFS for postorder.
        let mut stack = vec![(root, 0usize)];
        visited[root] = true;
        while let Some((b, i)) = stack.pop() {
            if i < succs[b].len() {
                stack.push((b, i + 1));
                let s = succs[b][i];
                if !visited[s] {
                    visited[s] = true;
                    stack.push((s, 0));
                }
            } else {
                order.push(b);
            }
        }
        order.reverse();
        let mut rpo = vec![usize::MAX; n];
        for (i, &b) in order.iter().enumerate() {
            rpo[b] = i;
        }

        // Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm".
        let mut idom = vec![usize::MAX; n];
        idom[root] = root;
        let mut changed = true;
        while changed {
            changed = false;
            for &b in order.iter().skip(1) {
                let mut new = usize::MAX;
                for &p in &preds[b] {
                    if rpo[p] == usize::MAX || idom[p] == usize::MAX {
                        continue;
                    }
                    new = if new == usize::MAX {
                        p
                    } else {
                        intersect(&idom, &rpo, p, new)
                    };
                }
                if new != idom[b] {
                    idom[b] = new;
                    changed = true;
                }
            }
        }
        Dominators { order, rpo, idom }
    }
}

fn intersect(idom: &[usize], rpo: &[usize], mut a: usize, mut b: usize) -> usize {
    while a != b {
        while rpo[a] > rpo[b] {
            a = idom[a];
        }
        while rpo[b] > rpo[a] {
            b = idom[b];
        }
    }
    a
}

fn dominates(idom: &[usize], a: usize, mut b: usize) -> bool {
    loop {
        if a == b {
            return true;
        }
        let up = idom[b];
        if up == b || up == usize::MAX {
            return false;
        }
        b = up;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testir::graph;

    #[test]
    fn diamond_has_one_merge() {
        let (s, p) = graph(&[(0, 1), (0, 2), (1, 3), (2, 3)], 4);
        let cfg = Cfg::new(&s, &p, 0).unwrap();
        assert_eq!(cfg.merge, vec![false, false, false, true]);
        assert_eq!(cfg.merge_children(0), vec![3]);
        assert!(!cfg.loop_header.iter().any(|&h| h));
    }

    #[test]
    fn loop_header_found() {
        let (s, p) = graph(&[(0, 1), (1, 2), (2, 1), (1, 3)], 4);
        let cfg = Cfg::new(&s, &p, 0).unwrap();
        assert!(cfg.loop_header[1]);
        assert!(cfg.is_backward(2, 1));
    }

    #[test]
    fn irreducible_rejected() {
        let (s, p) = graph(&[(0, 1), (0, 2), (1, 2), (2, 1)], 3);
        assert!(Cfg::new(&s, &p, 0).is_err());
    }
}
