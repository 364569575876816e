//! Batch normalization: the backward pass through the batch statistics against central finite
//! differences, a batch of one, the running averages predictions use, export and import, the
//! curvature of a normalized network, and what it does for a badly initialized deep network.

use nn_playground::analysis::curvature::{hessian_vector_product, session_sharpness};
use nn_playground::analysis::diagnostics::gradient_check;
use nn_playground::analysis::explorer::trace;
use nn_playground::analysis::stats::session_stats;
use nn_playground::config::{Choice, Config, Dataset, Problem, Value};
use nn_playground::math::dot;
use nn_playground::math::rng::SeededRng;
use nn_playground::nn::activation::Activation;
use nn_playground::nn::batch_norm::{BatchNorm, Statistics};
use nn_playground::nn::init::Init;
use nn_playground::nn::network::{Network, Workspace};
use nn_playground::nn::penalty::Penalty;
use nn_playground::session::model::Model;
use nn_playground::Session;

/// A JSON value as the core's plain value (what a parsed model file becomes).
fn plain(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        serde_json::Value::Array(items) => Value::List(items.iter().map(plain).collect()),
        serde_json::Value::Object(entries) => {
            Value::Object(entries.iter().map(|(k, v)| (k.clone(), plain(v))).collect())
        }
    }
}

fn normalized(config: Config) -> Config {
    Config { batch_norm: BatchNorm::On, ..config }
}

/// A normalized session whose γ and β are away from their initial 1 and 0.
fn perturbed(config: Config, seed: u32) -> Session {
    let mut session = Session::new(normalized(config)).unwrap();
    let mut params = session.network().params.clone();
    let mut rng = SeededRng::new(seed, 4);
    for layer in session.network().layers.clone() {
        let gammas = layer.gammas().into_iter().flatten();
        for i in layer.biases().chain(gammas) {
            params[i] += 0.4 * rng.normal();
        }
    }
    session.set_parameters(&params).unwrap();
    session
}

#[test]
fn backprop_through_the_batch_statistics_matches_finite_differences() {
    let problems = [(Problem::Classification, Dataset::Spiral), (Problem::Regression, Dataset::Gaussians)];
    for &activation in Activation::ALL {
        for (problem, dataset) in problems {
            for (k, hidden) in [vec![5], vec![6, 4], vec![4, 4, 3]].into_iter().enumerate() {
                for l2 in [0.0, 0.05] {
                    let config = Config {
                        problem,
                        dataset: Some(dataset),
                        noise: 0.1,
                        hidden: hidden.clone(),
                        activation,
                        l2,
                        ..Config::default()
                    };
                    let session = perturbed(config, k as u32);
                    let (x, y) = session.training_set();
                    let check = gradient_check(session.network(), x, y, l2);
                    assert_eq!(check.checked, check.parameters, "γ and β included");
                    let error = check.relative_error;
                    assert!(error <= 1e-6, "{activation:?} {problem:?} {hidden:?} l2 {l2}: {error:e}");
                }
            }
        }
    }
}

#[test]
fn the_parameters_gain_gamma_and_the_weights_keep_their_offsets() {
    let plain = Session::new(Config { hidden: vec![4, 3], ..Config::default() }).unwrap();
    let norm = Session::new(normalized(Config { hidden: vec![4, 3], ..Config::default() })).unwrap();
    let (p, n) = (plain.network(), norm.network());
    assert_eq!(n.params.len(), p.params.len() + 7);
    assert_eq!(n.running.len(), 2 * 7);
    assert_eq!(&n.params[..p.params.len()], &p.params[..], "the same W and b (β = 0) at the same offsets");
    assert!(n.params[p.params.len()..].iter().all(|&g| g == 1.0), "γ starts at 1");
    assert!(n.layers.last().unwrap().norm.is_none(), "the output layer is not normalized");
}

#[test]
fn a_batch_of_one_outputs_beta_and_teaches_the_weights_nothing() {
    let session = perturbed(Config { hidden: vec![5, 3], ..Config::default() }, 7);
    let t = trace(&session, &[3]).unwrap();
    for layer in &t.layers[..2] {
        let norm = layer.norm.as_ref().unwrap();
        assert_eq!(norm.z_tilde, layer.biases, "z − μ_B = 0: the unit outputs β");
        assert!(layer.grad_weights.iter().all(|&g| g == 0.0), "{:?}", layer.grad_weights);
    }
    assert!(t.layers[2].norm.is_none());
}

#[test]
fn the_trace_shows_the_normalization_stage() {
    let session = perturbed(Config { hidden: vec![4], ..Config::default() }, 2);
    let rows: Vec<usize> = (0..10).collect();
    let t = trace(&session, &rows).unwrap();
    let (layer, norm) = (&t.layers[0], t.layers[0].norm.as_ref().unwrap());
    for j in 0..4 {
        let z = &layer.z[j * 10..(j + 1) * 10];
        let mean = z.iter().sum::<f64>() / 10.0;
        assert!((mean - norm.mean[j]).abs() < 1e-12);
        for (s, &z) in z.iter().enumerate() {
            let k = j * 10 + s;
            let z_hat = (z - norm.mean[j]) / (norm.variance[j] + 1e-5).sqrt();
            assert!((z_hat - norm.z_hat[k]).abs() < 1e-9);
            assert!((norm.gamma[j] * norm.z_hat[k] + layer.biases[j] - norm.z_tilde[k]).abs() < 1e-12);
        }
        let d_beta: f64 = norm.delta_tilde[j * 10..(j + 1) * 10].iter().sum();
        let d_gamma: f64 = (0..10).map(|s| norm.delta_tilde[j * 10 + s] * norm.z_hat[j * 10 + s]).sum();
        assert!((d_beta - layer.grad_biases[j]).abs() < 1e-15 && (d_gamma - norm.grad_gamma[j]).abs() < 1e-15);
        let through: f64 = layer.delta[j * 10..(j + 1) * 10].iter().sum();
        assert!(through.abs() < 1e-15, "∂J/∂z sums to 0 over the batch: shifting z changes nothing");
    }
}

#[test]
fn predictions_use_running_averages_that_approach_the_training_statistics() {
    let config = normalized(Config { hidden: vec![6, 6], batch_size: 25, learning_rate: 0.01, ..Config::default() });
    let mut session = Session::new(config).unwrap();
    session.step(3000);
    let net = session.network().clone();
    let (x, y) = session.training_set();
    let n = y.len();
    let mut ws = Workspace::new(&net, n);
    let m = ws.load_batch(x, y, 0..n);
    net.forward(&mut ws, m);
    for (layer, cache) in net.layers.iter().zip(&ws.norm) {
        let Some(norm) = layer.norm else { continue };
        for j in 0..layer.n_out {
            let (mean, variance) = (net.running[norm.running + j], net.running[norm.running + layer.n_out + j]);
            let scale = cache.variance[j].sqrt();
            assert!((mean - cache.mean[j]).abs() < 0.1 * scale, "mean {mean} vs {}", cache.mean[j]);
            assert!((variance / cache.variance[j] - 1.0).abs() < 0.2, "variance {variance} vs {}", cache.variance[j]);
        }
    }
    let batch: Vec<f64> = ws.outputs(m).to_vec();
    net.forward_at(&net.params, &mut ws, m, Statistics::Running);
    let worst = batch.iter().zip(ws.outputs(m)).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    assert!(worst < 0.05, "predictions with running statistics are close to the batch's: {worst}");
    assert!(worst > 0.0, "but not the same computation");
    let mut predictions = Vec::new();
    let points: Vec<[f64; 2]> = session.split().test.x.rows().into_iter().map(|r| [r[0], r[1]]).collect();
    session.predict(points.iter().copied(), &mut predictions);
    let mut one_by_one = Vec::new();
    for &p in &points[..5] {
        session.predict(std::iter::once(p), &mut one_by_one);
    }
    assert_eq!(&predictions[..5], &one_by_one[..], "a prediction depends on its point alone");
}

#[test]
fn export_and_import_restore_the_running_statistics_and_the_predictions() {
    let mut session = Session::new(normalized(Config { hidden: vec![5, 5], ..Config::default() })).unwrap();
    session.step(500);
    let model = Model::of(&session);
    assert_eq!(model.running_statistics, session.network().running);
    let json = serde_json::to_value(&model).unwrap();
    assert!(json.get("runningStatistics").is_some());
    let mut restored = Model::from_value(&plain(&json)).unwrap().restore().unwrap();
    let points = [[0.3, -1.2], [2.0, 2.5], [-4.0, 0.1]];
    let (mut a, mut b) = (Vec::new(), Vec::new());
    session.predict(points.iter().copied(), &mut a);
    restored.predict(points.iter().copied(), &mut b);
    assert_eq!(a, b, "bit for bit");
    let plain = Model::of(&Session::new(Config::default()).unwrap());
    assert!(serde_json::to_value(&plain).unwrap().get("runningStatistics").is_none(), "absent without normalization");
}

#[test]
fn imported_running_statistics_are_checked_by_name() {
    let mut session = Session::new(normalized(Config { hidden: vec![2], ..Config::default() })).unwrap();
    let before = session.network().running.clone();
    let error = session.set_running_statistics(&[0.0, 0.0, 1.0]).unwrap_err().to_string();
    assert!(error.contains("runningStatistics") && error.contains('4'), "{error}");
    let error = session.set_running_statistics(&[0.0, 0.0, 1.0, -1.0]).unwrap_err().to_string();
    assert!(error.contains("runningStatistics[3]"), "a negative variance: {error}");
    let error = session.set_running_statistics(&[f64::NAN, 0.0, 1.0, 1.0]).unwrap_err().to_string();
    assert!(error.contains("runningStatistics[0]"), "{error}");
    assert_eq!(session.network().running, before, "left as it was");
}

#[test]
fn hessian_vector_products_of_a_normalized_network_are_symmetric_and_match_second_differences() {
    let session =
        perturbed(Config { hidden: vec![5, 4], dataset: Some(Dataset::Spiral), noise: 0.1, ..Config::default() }, 3);
    let net = session.network();
    let (x, y) = session.training_set();
    let n = y.len();
    let mut rng = SeededRng::new(8, 0);
    let mut direction = || -> Vec<f64> { (0..net.params.len()).map(|_| rng.normal()).collect() };
    let (u, mut v) = (direction(), direction());
    let length = dot(&v, &v).sqrt();
    v.iter_mut().for_each(|d| *d /= length);
    let (hu, hv) = (hessian_vector_product(net, x, y, 0.01, &u, n), hessian_vector_product(net, x, y, 0.01, &v, n));
    let (uhv, vhu) = (dot(&u, &hv), dot(&v, &hu));
    assert!((uhv - vhu).abs() <= 1e-6 * (uhv.abs() + vhu.abs()), "{uhv} vs {vhu}");
    let cost = |t: f64| {
        let mut shifted = net.clone();
        shifted.params.iter_mut().zip(&v).for_each(|(p, d)| *p += t * d);
        let mut ws = Workspace::new(&shifted, n);
        let m = ws.load_batch(x, y, 0..n);
        shifted.forward_logits(&shifted.params, &mut ws, m, Statistics::Batch);
        shifted.mean_loss(&mut ws, m) + Penalty::from(0.01).cost(&shifted)
    };
    let h = 1e-3;
    let second = (cost(h) - 2.0 * cost(0.0) + cost(-h)) / (h * h);
    let vhv = dot(&v, &hv);
    assert!((second - vhv).abs() <= 1e-4 * vhv.abs().max(1.0), "{second} vs {vhv}");
}

/// The largest eigenvalue of a symmetric matrix (n × n, row-major), by power iteration on it
/// shifted by its Frobenius norm (so every eigenvalue is ≥ 0 and the largest one leads).
fn largest_eigenvalue(h: &[f64], n: usize) -> f64 {
    let shift = dot(h, h).sqrt();
    let mut v = vec![1.0; n];
    let mut lambda = 0.0;
    for _ in 0..20_000 {
        let mut next: Vec<f64> = (0..n).map(|i| dot(&h[i * n..(i + 1) * n], &v) + shift * v[i]).collect();
        lambda = dot(&v, &next) / dot(&v, &v);
        let length = dot(&next, &next).sqrt();
        next.iter_mut().for_each(|x| *x /= length);
        v = next;
    }
    lambda - shift
}

#[test]
fn the_sharpness_of_a_normalized_network_is_its_hessians_largest_eigenvalue() {
    // Seed 2's network has λmin ≈ −2.16 against λmax ≈ 0.65, seed 5's −2.30 against 2.81: the
    // eigenvalue of largest magnitude is negative, or nearly so.
    for (seed, steps, dataset) in [
        (1, 0, Dataset::Spiral),
        (2, 0, Dataset::Xor),
        (3, 20, Dataset::Spiral),
        (4, 0, Dataset::Circle),
        (5, 5, Dataset::Moons),
        (1, 200, Dataset::Circle),
    ] {
        let mut session = Session::new(normalized(Config {
            hidden: vec![4, 3],
            samples: 120,
            seed,
            dataset: Some(dataset),
            ..Config::default()
        }))
        .unwrap();
        session.step(steps);
        let (net, (x, y)) = (session.network(), session.training_set());
        let p = net.params.len();
        let mut h = vec![0.0; p * p];
        for i in 0..p {
            let mut e = vec![0.0; p];
            e[i] = 1.0;
            let column = hessian_vector_product(net, x, y, 0.0, &e, y.len());
            for (j, value) in column.into_iter().enumerate() {
                h[j * p + i] += 0.5 * value;
                h[i * p + j] += 0.5 * value;
            }
        }
        let expected = largest_eigenvalue(&h, p);
        let found = session_sharpness(&session).unwrap();
        assert!(expected > 0.0 && found.lambda_max > 0.0, "seed {seed}: {expected} vs {found:?}");
        assert!(
            (found.lambda_max - expected).abs() <= 1e-5 * expected,
            "seed {seed}: {} vs {expected}",
            found.lambda_max
        );
    }
}

/// The most saturated hidden layer's saturated fraction and the ratio of the first hidden
/// layer's δ spread to the last's, for ten tanh layers of 32 with N(0, 1) weights.
fn deep_tanh(batch_norm: BatchNorm) -> (f64, f64) {
    let config = Config { hidden: vec![32; 10], init: Init::Normal, batch_norm, batch_size: 50, ..Config::default() };
    let session = Session::new(config).unwrap();
    let stats = session_stats(&session, 250);
    let saturated = stats.iter().map(|s| s.saturated.unwrap()).fold(0.0, f64::max);
    (saturated, stats[0].delta_std / stats[stats.len() - 1].delta_std)
}

#[test]
fn normalization_rescues_a_deep_tanh_network_initialized_with_unit_variance() {
    let (saturated_without, growth_without) = deep_tanh(BatchNorm::Off);
    let (saturated_with, growth_with) = deep_tanh(BatchNorm::On);
    assert!(
        saturated_without > 0.5 && saturated_with < 0.05,
        "saturated: {saturated_without} without, {saturated_with} with"
    );
    // The backward pass still grows towards the input (batch normalization does not stop that
    // at initialization), but far less.
    assert!(
        growth_without > 500.0 && growth_with < growth_without / 5.0,
        "δ grows {growth_without}× without, {growth_with}× with"
    );
}

#[test]
fn normalization_holds_the_scale_of_the_deep_linear_toy() {
    for c in [1.5, 0.5] {
        let toy = nn_playground::analysis::stats::deep_linear_toy(12, c);
        let rms = |config: Config| {
            session_stats(&Session::new(config).unwrap(), 250).iter().map(|s| s.act_rms).collect::<Vec<_>>()
        };
        let without = rms(toy.clone());
        let with = rms(normalized(toy));
        let ratio = without[11] / without[0];
        assert!(if c > 1.0 { ratio > 50.0 } else { ratio < 0.02 }, "c = {c}: the scale runs away as cᴸ: {ratio}");
        assert!(with.iter().all(|r| (0.8..1.2).contains(r)), "c = {c}: every layer at scale 1: {with:?}");
    }
}

#[test]
fn eight_sigmoid_layers_train_with_normalization() {
    let run = |batch_norm| {
        let config = Config {
            hidden: vec![4; 8],
            activation: Activation::Sigmoid,
            batch_norm,
            dataset: Some(Dataset::Circle),
            learning_rate: 0.1,
            ..Config::default()
        };
        let mut session = Session::new(config).unwrap();
        session.step(3000).test_accuracy.unwrap()
    };
    let (without, with) = (run(BatchNorm::Off), run(BatchNorm::On));
    assert!(without < 0.6 && with > 0.95, "test accuracy without {without}, with {with}");
}

#[test]
fn the_config_names_the_setting() {
    assert_eq!(BatchNorm::NAMES, ["off", "on"]);
    let config = Config::from_value(&plain(&serde_json::json!({ "batchNorm": "on" }))).unwrap();
    assert_eq!(config.batch_norm, BatchNorm::On);
    let error = Config::from_value(&plain(&serde_json::json!({ "batchNorm": "yes" }))).unwrap_err().to_string();
    assert!(error.contains("batchNorm"), "{error}");
    let _ = Network::new(2, &[3], Activation::Tanh, nn_playground::nn::loss::Loss::CrossEntropy, BatchNorm::On);
}
