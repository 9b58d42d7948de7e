//! Multinomial logistic regression over sparse binary features, fitted by
//! full-batch gradient descent (Adam steps) with an L2 penalty. Small and
//! deterministic: the learned event model (`learned.rs`) is its one user, and
//! its data are a few thousand examples of a few dozen features each.

/// Passes over the examples; the loss is convex and flat well before this.
const STEPS: usize = 400;
const LEARNING_RATE: f64 = 0.05;

/// Fits weights `[feature][class]`. Each row lists the features present in an
/// example; an example whose target is `None` is left out. The penalty is
/// the one a regression with C = 1 uses: one over the number of examples.
pub fn fit(
    rows: &[Vec<u32>],
    targets: &[Option<usize>],
    classes: usize,
    features: usize,
) -> Vec<Vec<f32>> {
    let used: Vec<(&Vec<u32>, usize)> = rows
        .iter()
        .zip(targets)
        .filter_map(|(r, t)| t.map(|t| (r, t)))
        .collect();
    let mut w = vec![0.0f64; features * classes];
    if used.is_empty() || classes == 0 {
        return vec![vec![0.0; classes]; features];
    }
    let n = used.len() as f64;
    let l2 = 1.0 / n;
    let (mut m, mut v) = (vec![0.0f64; w.len()], vec![0.0f64; w.len()]);
    let mut grad = vec![0.0f64; w.len()];
    for step in 1..=STEPS {
        gradient(&used, &w, classes, l2, &mut grad);
        adam_step(&mut w, &grad, (&mut m, &mut v), step);
    }
    w.chunks(classes)
        .map(|c| c.iter().map(|x| *x as f32).collect())
        .collect()
}

/// The gradient of the mean cross-entropy plus the penalty.
fn gradient(used: &[(&Vec<u32>, usize)], w: &[f64], classes: usize, l2: f64, grad: &mut [f64]) {
    let n = used.len() as f64;
    for (g, x) in grad.iter_mut().zip(w) {
        *g = l2 * x;
    }
    let mut p = vec![0.0f64; classes];
    for (row, target) in used {
        probabilities(row, w, &mut p);
        p[*target] -= 1.0;
        for &f in row.iter() {
            let at = f as usize * classes;
            for (g, d) in grad[at..at + classes].iter_mut().zip(&p) {
                *g += d / n;
            }
        }
    }
}

/// The class probabilities of one example, into `p`.
fn probabilities(row: &[u32], w: &[f64], p: &mut [f64]) {
    let classes = p.len();
    p.iter_mut().for_each(|x| *x = 0.0);
    for &f in row {
        let at = f as usize * classes;
        for (s, x) in p.iter_mut().zip(&w[at..at + classes]) {
            *s += x;
        }
    }
    let top = p.iter().copied().fold(f64::MIN, f64::max);
    let mut sum = 0.0;
    for x in p.iter_mut() {
        *x = (*x - top).exp();
        sum += *x;
    }
    p.iter_mut().for_each(|x| *x /= sum);
}

fn adam_step(w: &mut [f64], grad: &[f64], (m, v): (&mut [f64], &mut [f64]), step: usize) {
    const B1: f64 = 0.9;
    const B2: f64 = 0.999;
    let (c1, c2) = (1.0 - B1.powi(step as i32), 1.0 - B2.powi(step as i32));
    for i in 0..w.len() {
        m[i] = B1 * m[i] + (1.0 - B1) * grad[i];
        v[i] = B2 * v[i] + (1.0 - B2) * grad[i] * grad[i];
        w[i] -= LEARNING_RATE * (m[i] / c1) / ((v[i] / c2).sqrt() + 1e-8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_which_feature_tells_the_class() {
        // Feature 0 is always there; feature 1 marks class 1, feature 2 class 0.
        let rows = vec![vec![0, 1], vec![0, 1], vec![0, 2], vec![0, 2], vec![0]];
        let targets = vec![Some(1), Some(1), Some(0), Some(0), None];
        let w = fit(&rows, &targets, 2, 3);
        assert!(w[1][1] > w[1][0], "{w:?}");
        assert!(w[2][0] > w[2][1], "{w:?}");
        let mut p = vec![0.0; 2];
        let flat: Vec<f64> = w.iter().flatten().map(|x| f64::from(*x)).collect();
        probabilities(&[0, 1], &flat, &mut p);
        assert!(p[1] > 0.7, "{p:?}");
    }

    #[test]
    fn no_examples_give_zero_weights() {
        assert_eq!(fit(&[vec![0]], &[None], 3, 1), vec![vec![0.0; 3]]);
    }
}
