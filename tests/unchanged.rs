//! Settings added later leave every run that does not use them bit for bit as it was: the
//! parameters and losses of these runs, hashed, are those recorded before L1 and the
//! learning-rate schedules existed, natively and in wasm (so both platforms compute the same
//! bits, the SIMD kernels included). A change of the kernels' rounding changes them on purpose
//! and re-records them in the same commit (last: the weight gradients' sums taken as the sum of
//! the even and of the odd samples' terms).

use nn_playground::config::{Config, Dataset, OptimizerKind, Problem};
use nn_playground::nn::activation::Activation;
use nn_playground::nn::init::Init;
use nn_playground::Session;

/// FNV-1a over the bits of every parameter and of the training and test losses after `steps`
/// updates.
fn fingerprint(config: Config, steps: u32) -> u64 {
    let mut session = Session::new(config).unwrap();
    let report = session.step(steps);
    let numbers = session.network().params.iter().chain([&report.train_loss, &report.test_loss]);
    numbers
        .flat_map(|x| x.to_bits().to_le_bytes())
        .fold(0xcbf2_9ce4_8422_2325, |h, byte| (h ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Natively and in wasm (`wasm-pack test`): the same bits on every platform.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn runs_without_the_new_settings_are_bit_identical_to_before() {
    let runs = [
        Config::default(),
        Config { optimizer: OptimizerKind::Momentum, l2: 0.01, hidden: vec![8, 8], ..Config::default() },
        Config {
            optimizer: OptimizerKind::Adam,
            learning_rate: 0.01,
            dataset: Some(Dataset::Spiral),
            activation: Activation::Relu,
            init: Init::He,
            batch_size: 1,
            ..Config::default()
        },
        Config { problem: Problem::Regression, dataset: Some(Dataset::Gaussians), l2: 0.001, ..Config::default() },
    ];
    let fingerprints: Vec<u64> = runs.into_iter().map(|config| fingerprint(config, 300)).collect();
    assert_eq!(fingerprints, [16254146863328458327, 10735254002911633844, 6166380462438202818, 12219883110852631571]);
}
