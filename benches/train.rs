//! Native throughput of the reference net (2-8-8-1 tanh, batch 10, 500 circle samples):
//! training samples per second against a straightforward allocating ndarray implementation of
//! the same algorithm run in the same process, the time of a 100×100 boundary and of 51×51
//! loss surfaces (single precision as drawn, against double precision in the same process; on
//! the 250 training points of the reference data and on 500).
//! Writes the figures to target/bench-native.json for the wasm benchmark's ratio.

use ndarray::{Array1, Array2, Axis};
use nn_playground::analysis::landscape::{self, SurfaceKind, SurfaceRequest};
use nn_playground::config::Config;
use nn_playground::session::Precision;
use nn_playground::Session;
use std::time::{Duration, Instant};

/// Runs `f` (which does `work` units) repeatedly for `budget` in [`ROUNDS`] rounds; returns the
/// units per second of the best round, so a burst of load from elsewhere does not count.
fn rate(budget: Duration, work: f64, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let round = budget / ROUNDS;
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            let mut runs = 0u32;
            while start.elapsed() < round {
                f();
                runs += 1;
            }
            work * runs as f64 / start.elapsed().as_secs_f64()
        })
        .fold(0.0, f64::max)
}

/// Rounds per measurement.
const ROUNDS: u32 = 6;

/// The same training loop written the obvious way: a fresh matrix for every product.
struct AllocatingMlp {
    weights: Vec<Array2<f64>>,
    biases: Vec<Array1<f64>>,
}

impl AllocatingMlp {
    fn new(session: &Session) -> Self {
        let net = session.network();
        let weights = (0..net.layers.len()).map(|l| net.weights(l).to_owned()).collect();
        let biases = net.layers.iter().map(|l| Array1::from(net.params[l.biases()].to_vec())).collect();
        AllocatingMlp { weights, biases }
    }

    fn train_batch(&mut self, x: Array2<f64>, y: Array1<f64>, lr: f64) {
        let last = self.weights.len() - 1;
        let mut activations = vec![x];
        for l in 0..=last {
            let z = activations[l].dot(&self.weights[l].t()) + &self.biases[l];
            let a = if l == last { z.mapv(|v| 1.0 / (1.0 + (-v).exp())) } else { z.mapv(f64::tanh) };
            activations.push(a);
        }
        let m = y.len() as f64;
        let mut delta = (&activations[last + 1].column(0) - &y).insert_axis(Axis(1)) / m;
        for l in (0..=last).rev() {
            let grad_w = delta.t().dot(&activations[l]);
            let grad_b = delta.sum_axis(Axis(0));
            if l > 0 {
                let a = &activations[l];
                delta = delta.dot(&self.weights[l]) * a.mapv(|v| 1.0 - v * v);
            }
            self.weights[l] = &self.weights[l] - &(grad_w * lr);
            self.biases[l] = &self.biases[l] - &(grad_b * lr);
        }
    }
}

fn main() {
    let config = Config { hidden: vec![8, 8], batch_size: 10, samples: 500, ..Config::default() };
    let budget = Duration::from_millis(3000);
    let steps = 10_000u32;

    let mut session = Session::new(config.clone()).expect("reference config");
    let ours = rate(budget, (steps * 10) as f64, || {
        session.step(steps);
    });

    let session = Session::new(config.clone()).expect("reference config");
    let (x, y) = session.training_set();
    let (x, y) = (x.to_owned(), Array1::from(y.to_vec()));
    let mut baseline = AllocatingMlp::new(&session);
    let batches = x.nrows() / 10;
    let allocating = rate(budget, (batches * 10) as f64, || {
        for b in 0..batches {
            let rows: Vec<usize> = (b * 10..b * 10 + 10).collect();
            baseline.train_batch(x.select(Axis(0), &rows), y.select(Axis(0), &rows), 0.03);
        }
    });

    let mut session = Session::new(config.clone()).expect("reference config");
    session.step(1000);
    let grid: Vec<[f64; 2]> =
        (0..10_000).map(|k| [-6.0 + 0.12 * (k % 100) as f64, 6.0 - 0.12 * (k / 100) as f64]).collect();
    let mut out = Vec::with_capacity(10_000);
    let boundaries_per_s = rate(budget, 1.0, || {
        out.clear();
        session.predict_for_drawing(grid.iter().copied(), &mut out);
    });
    let boundary_ms = 1000.0 / boundaries_per_s;

    let surface_ms = |session: &Session, precision| {
        let request = SurfaceRequest { kind: SurfaceKind::Random, res: 51, precision, ..Default::default() };
        1000.0
            / rate(budget, 1.0, || {
                landscape::surface(session, &request).expect("a valid request");
            })
    };
    let single_ms = surface_ms(&session, Precision::Single);
    let double_ms = surface_ms(&session, Precision::Double);
    let mut larger = Session::new(Config { samples: 1000, ..config }).expect("reference config");
    larger.step(1000);
    let larger_ms = surface_ms(&larger, Precision::Single);

    println!("native, reference net 2-8-8-1 tanh, batch 10, 500 circle samples");
    println!("  training:        {:>8.2} M samples/s", ours / 1e6);
    println!("  allocating ndarray baseline: {:>8.2} M samples/s   ratio {:.1}×", allocating / 1e6, ours / allocating);
    println!("  100×100 boundary: {boundary_ms:>7.3} ms");
    println!("  51×51 loss surface (random plane), 250 training points: {single_ms:>7.2} ms   double precision {double_ms:.2} ms, ratio {:.1}×", double_ms / single_ms);
    println!("  51×51 loss surface (random plane), 500 training points: {larger_ms:>7.2} ms");
    let json = format!("{{\"trainSamplesPerSecond\":{ours},\"boundaryMs\":{boundary_ms},\"surfaceMs\":{single_ms},\"surface500Ms\":{larger_ms}}}\n");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-native.json");
    std::fs::write(&path, json).expect("write target/bench-native.json");
}
