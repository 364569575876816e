//! Datasets on the plane: the six classification sets (Gauss, spiral and pinwheel also with three
//! to six classes) and two regression sets, generated from the seed (or the user's own points),
//! jittered by the noise level, distorted by the per-feature scale, the rotation and the offset,
//! shuffled and split into train and test.

use crate::config::{Config, Dataset};
use crate::math::rng::SeededRng;
use ndarray::{Array1, Array2};
use std::f64::consts::PI;

/// Half the side of the square the raw (undistorted) datasets lie in.
pub const DOMAIN: f64 = 6.0;

/// Random stream used for the data (the weights and batch order use others).
const DATA_STREAM: u32 = 0;

/// Points in data coordinates with their labels (0/1) or regression targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Points {
    /// One row per point: the two features.
    pub x: Array2<f64>,
    /// One label or target per point.
    pub y: Array1<f64>,
}

impl Points {
    /// Number of points.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Points from rows of (x1, x2, label).
    fn from_rows(rows: &[[f64; 3]]) -> Points {
        let mut x = Array2::zeros((rows.len(), 2));
        let mut y = Array1::zeros(rows.len());
        for (i, r) in rows.iter().enumerate() {
            x[[i, 0]] = r[0];
            x[[i, 1]] = r[1];
            y[i] = r[2];
        }
        Points { x, y }
    }

    /// Interleaved copy [x0, y0, label0, x1, …] for drawing.
    pub fn interleaved(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.len() * 3);
        for (row, label) in self.x.rows().into_iter().zip(self.y.iter()) {
            out.extend_from_slice(&[row[0], row[1], *label]);
        }
        out
    }
}

/// The training and test splits.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Points the network is trained on (and normalization is fitted on).
    pub train: Points,
    /// Held-out points.
    pub test: Points,
}

/// Generates the config's dataset: raw points, distorted, shuffled, split.
pub fn generate(config: &Config) -> Split {
    let mut rng = SeededRng::new(config.seed, DATA_STREAM);
    let mut rows = raw_points(config, &mut rng);
    for r in rows.iter_mut() {
        [r[0], r[1]] = distort(config, [r[0], r[1]]);
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    rng.shuffle(&mut order);
    let shuffled: Vec<[f64; 3]> = order.iter().map(|&i| rows[i]).collect();
    let n_train = train_count(rows.len(), config.train_fraction);
    Split { train: Points::from_rows(&shuffled[..n_train]), test: Points::from_rows(&shuffled[n_train..]) }
}

/// Training set size for `samples` points: round(samples · fraction), leaving at least one
/// point on each side.
fn train_count(samples: usize, fraction: f64) -> usize {
    ((samples as f64 * fraction).round() as usize).clamp(1, samples - 1)
}

/// The feature distortion x ↦ R(rotation)·(scale ⊙ x) + offset.
pub fn distort(config: &Config, x: [f64; 2]) -> [f64; 2] {
    let (sx, sy) = (x[0] * config.scale[0], x[1] * config.scale[1]);
    let angle = config.rotation.to_radians();
    let (cos, sin) = (libm::cos(angle), libm::sin(angle));
    [cos * sx - sin * sy + config.offset[0], sin * sx + cos * sy + config.offset[1]]
}

/// The data-coordinate box [xmin, xmax, ymin, ymax] that holds the raw domain after distortion.
/// For the user's points, the raw domain grows to hold them with a margin.
pub fn bounds(config: &Config) -> [f64; 4] {
    let reach =
        config.points.iter().enumerate().filter(|(i, _)| i % 3 != 2).map(|(_, v)| 1.1 * v.abs()).fold(DOMAIN, f64::max);
    let corners = [[-reach, -reach], [-reach, reach], [reach, -reach], [reach, reach]].map(|c| distort(config, c));
    let (xs, ys) = (corners.map(|c| c[0]), corners.map(|c| c[1]));
    let lowest = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
    let highest = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
    [lowest(xs), highest(xs), lowest(ys), highest(ys)]
}

/// Rows (x1, x2, label) of an undistorted dataset, in generation order (the user's points as
/// given).
fn raw_points(config: &Config, rng: &mut SeededRng) -> Vec<[f64; 3]> {
    let (n, k, noise) = (config.samples, config.classes, config.noise);
    let multi = k > 2;
    // (point index, points, classes, noise, random source) → (x₁, x₂, label)
    let generator: fn(usize, usize, usize, f64, &mut SeededRng) -> [f64; 3] = match config.dataset() {
        Dataset::Custom => return config.points.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect(),
        Dataset::Circle => |i, _, _, noise, rng| circle(i, noise, rng),
        Dataset::Xor => |_, _, _, noise, rng| xor(noise, rng),
        Dataset::Gauss if multi => |i, _, k, noise, rng| blobs(i, k, noise, rng),
        Dataset::Gauss => |i, _, _, noise, rng| gauss(i, noise, rng),
        Dataset::Spiral if multi => spiral_arms,
        Dataset::Spiral => |i, n, _, noise, rng| spiral(i, n, noise, rng),
        Dataset::Pinwheel => |i, _, k, noise, rng| pinwheel(i, k, noise, rng),
        Dataset::Moons => |i, _, _, noise, rng| moons(i, noise, rng),
        Dataset::Plane => |_, _, _, noise, rng| plane(noise, rng),
        Dataset::Gaussians => |_, _, _, noise, rng| gaussians(noise, rng),
    };
    (0..n).map(|i| generator(i, n, k, noise, rng)).collect()
}

/// Uniform jitter of ±`amplitude`.
fn jitter(amplitude: f64, rng: &mut SeededRng) -> f64 {
    rng.uniform(-amplitude, amplitude)
}

/// Even points: class 1 inside radius 2.5; odd points: class 0 on the ring 3.5..5.
fn circle(i: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    const R: f64 = 5.0;
    let inner = i % 2 == 0;
    let r = if inner { rng.uniform(0.0, 0.5 * R) } else { rng.uniform(0.7 * R, R) };
    let angle = rng.uniform(0.0, 2.0 * PI);
    let x = r * libm::cos(angle) + jitter(R * noise, rng);
    let y = r * libm::sin(angle) + jitter(R * noise, rng);
    [x, y, if inner { 1.0 } else { 0.0 }]
}

/// Uniform on [−5, 5]², kept 0.3 away from the axes; class 1 where x·y > 0.
fn xor(noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    const PADDING: f64 = 0.3;
    let push = |v: f64| if v > 0.0 { v + PADDING } else { v - PADDING };
    let x = push(rng.uniform(-5.0, 5.0));
    let y = push(rng.uniform(-5.0, 5.0));
    let label = if x * y > 0.0 { 1.0 } else { 0.0 };
    [x + jitter(5.0 * noise, rng), y + jitter(5.0 * noise, rng), label]
}

/// Class 1 around (2, 2), class 0 around (−2, −2); the spread grows with the noise.
fn gauss(i: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    let positive = i % 2 == 0;
    let centre = if positive { 2.0 } else { -2.0 };
    let spread = 0.7 + 2.6 * noise;
    [centre + spread * rng.normal(), centre + spread * rng.normal(), if positive { 1.0 } else { 0.0 }]
}

/// Two spirals of 1.75 turns each, out to radius 5.
fn spiral(i: usize, n: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    let arm = i % 2;
    let per_arm = n.div_ceil(2) as f64;
    let t = (i / 2) as f64 / per_arm;
    let r = 5.0 * t;
    let angle = 1.75 * 2.0 * PI * t + PI * arm as f64;
    let x = r * libm::sin(angle) + jitter(2.0 * noise, rng);
    let y = r * libm::cos(angle) + jitter(2.0 * noise, rng);
    [x, y, if arm == 0 { 1.0 } else { 0.0 }]
}

/// K Gaussian blobs, class c around the point at radius 3.5 and angle 2πc/K; the spread grows
/// with the noise.
fn blobs(i: usize, k: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    let class = i % k;
    let angle = 2.0 * PI * class as f64 / k as f64;
    let spread = 0.6 + 2.0 * noise;
    let (x, y) = (3.5 * libm::cos(angle), 3.5 * libm::sin(angle));
    [x + spread * rng.normal(), y + spread * rng.normal(), class as f64]
}

/// K spirals (arm c is class c) of a turn each, out to radius 5.
fn spiral_arms(i: usize, n: usize, k: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    let arm = i % k;
    let t = (i / k) as f64 / n.div_ceil(k) as f64;
    let r = 0.5 + 4.5 * t;
    let angle = 2.0 * PI * t + 2.0 * PI * arm as f64 / k as f64;
    let x = r * libm::sin(angle) + jitter(2.0 * noise, rng);
    let y = r * libm::cos(angle) + jitter(2.0 * noise, rng);
    [x, y, arm as f64]
}

/// A pinwheel of K blades (blade c is class c): a Gaussian blob stretched along the radius,
/// swirled by an angle that grows exponentially with the distance out.
fn pinwheel(i: usize, k: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    const RATE: f64 = 0.25;
    let class = i % k;
    let radial = 1.0 + 0.3 * rng.normal();
    let tangential = (0.05 + 0.5 * noise) * rng.normal();
    let angle = 2.0 * PI * class as f64 / k as f64 + RATE * libm::exp(radial);
    let (cos, sin) = (libm::cos(angle), libm::sin(angle));
    let scale = 3.2;
    [scale * (cos * radial - sin * tangential), scale * (sin * radial + cos * tangential), class as f64]
}

/// Two interleaving half-circles of radius 3 (class 0 above, class 1 below), centred.
fn moons(i: usize, noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    const R: f64 = 3.0;
    let lower = i % 2 == 1;
    let t = rng.uniform(0.0, PI);
    let (x, y) =
        if lower { (R - R * libm::cos(t), 0.5 * R - R * libm::sin(t)) } else { (R * libm::cos(t), R * libm::sin(t)) };
    let x = x - 0.5 * R + jitter(3.0 * noise, rng);
    let y = y - 0.25 * R + jitter(3.0 * noise, rng);
    [x, y, if lower { 1.0 } else { 0.0 }]
}

/// Uniform on the domain; target (x1 + x2)/12 measured at a jittered point.
fn plane(noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    let x = rng.uniform(-DOMAIN, DOMAIN);
    let y = rng.uniform(-DOMAIN, DOMAIN);
    let target = (x + jitter(DOMAIN * noise, rng) + y + jitter(DOMAIN * noise, rng)) / (2.0 * DOMAIN);
    [x, y, target]
}

/// Uniform on the domain; target a sum of six Gaussian bumps of alternating sign, in [−1, 1].
fn gaussians(noise: f64, rng: &mut SeededRng) -> [f64; 3] {
    const BUMPS: [(f64, f64, f64); 6] =
        [(-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0), (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0)];
    let x = rng.uniform(-DOMAIN, DOMAIN);
    let y = rng.uniform(-DOMAIN, DOMAIN);
    let (xn, yn) = (x + jitter(DOMAIN * noise, rng), y + jitter(DOMAIN * noise, rng));
    let target: f64 =
        BUMPS.iter().map(|&(cx, cy, sign)| sign * libm::exp(-((xn - cx).powi(2) + (yn - cy).powi(2)) / 2.0)).sum();
    [x, y, target.clamp(-1.0, 1.0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_sizes_and_balance() {
        let config = Config { samples: 400, train_fraction: 0.75, ..Config::default() }.validated().unwrap();
        let split = generate(&config);
        assert_eq!(split.train.len(), 300);
        assert_eq!(split.test.len(), 100);
        let ones = split.train.y.iter().chain(split.test.y.iter()).filter(|&&l| l == 1.0).count();
        assert_eq!(ones, 200);
    }

    #[test]
    fn distortion_scales_and_offsets_features() {
        let base = Config::default().validated().unwrap();
        let distorted = Config { scale: [1.0, 100.0], offset: [5.0, 0.0], ..base.clone() };
        let (a, b) = (generate(&base), generate(&distorted));
        for (ra, rb) in a.train.x.rows().into_iter().zip(b.train.x.rows()) {
            assert!((rb[0] - (ra[0] + 5.0)).abs() < 1e-12);
            assert!((rb[1] - ra[1] * 100.0).abs() < 1e-9);
        }
        assert_eq!(bounds(&distorted), [-1.0, 11.0, -600.0, 600.0]);
    }

    #[test]
    fn rotation_correlates_unequally_scaled_features() {
        let config = Config { scale: [1.0, 10.0], rotation: 45.0, ..Config::default() }.validated().unwrap();
        let x = generate(&config).train.x;
        let (m0, m1) = (x.column(0).mean().unwrap(), x.column(1).mean().unwrap());
        let cov = x.rows().into_iter().map(|r| (r[0] - m0) * (r[1] - m1)).sum::<f64>() / x.nrows() as f64;
        let var0 = x.column(0).iter().map(|v| (v - m0).powi(2)).sum::<f64>() / x.nrows() as f64;
        let var1 = x.column(1).iter().map(|v| (v - m1).powi(2)).sum::<f64>() / x.nrows() as f64;
        let correlation = cov / (var0 * var1).sqrt();
        assert!(correlation.abs() > 0.9, "correlation {correlation}");
        let [x0, x1, y0, y1] = bounds(&config);
        assert!((x1 - x0 - (y1 - y0)).abs() < 1e-9 && x1 > 6.0 * 11.0 / 2f64.sqrt() - 1e-9);
    }

    #[test]
    fn the_users_points_are_split_and_distorted_like_the_others() {
        let points = vec![1.0, 2.0, 0.0, -3.0, 4.0, 1.0, 20.0, 0.5, 1.0, 0.0, 0.0, 0.0];
        let config = Config {
            dataset: Some(Dataset::Custom),
            points,
            train_fraction: 0.5,
            scale: [2.0, 1.0],
            ..Config::default()
        }
        .validated()
        .unwrap();
        let split = generate(&config);
        assert_eq!((split.train.len(), split.test.len()), (2, 2));
        let mut xs: Vec<f64> = split.train.x.column(0).iter().chain(split.test.x.column(0).iter()).copied().collect();
        xs.sort_unstable_by(f64::total_cmp);
        assert_eq!(xs, vec![-6.0, 0.0, 2.0, 40.0]);
        assert_eq!(bounds(&config)[1], 2.0 * 22.0);
    }

    #[test]
    fn every_dataset_stays_near_its_domain() {
        for dataset in [Dataset::Circle, Dataset::Xor, Dataset::Gauss, Dataset::Spiral, Dataset::Moons] {
            let config = Config { dataset: Some(dataset), noise: 0.5, ..Config::default() }.validated().unwrap();
            let split = generate(&config);
            assert!(split.train.x.iter().all(|v| v.abs() < 2.0 * DOMAIN), "{dataset:?}");
        }
    }
}
