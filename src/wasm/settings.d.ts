// Written from the settings tables by tests/typescript.rs: edit the tables, not this file.

/** Configuration of a playground; every key is optional (`configSchema()` describes the same keys). */
export interface PlaygroundConfig {
  /** Classification or regression. Default "classification". */
  problem?: "classification" | "regression";
  /** The dataset; when absent, circle for classification and plane for regression. Default "circle". */
  dataset?: "circle" | "xor" | "gauss" | "spiral" | "moons" | "pinwheel" | "plane" | "gaussians" | "custom";
  /** The user's points for dataset `custom`: [x0, y0, label0, x1, …] in data coordinates. At most 5000 points, every number between -10000 and 10000. Default []. */
  points?: number[];
  /** Number of classes of a classification: 2 (a sigmoid output), or 3 to 6 (a softmax output, for the Gauss, spiral and pinwheel datasets and the user's points). Range: a whole number between 2 and 6. Default 2. */
  classes?: number;
  /** Number of points, train and test together (ignored for `custom`). Range: a whole number between 10 and 5000. Default 500. */
  samples?: number;
  /** Noise level. Range: between 0 and 0.5. Default 0. */
  noise?: number;
  /** Fraction of the points used for training. Range: between 0.1 and 0.9. Default 0.5. */
  trainFraction?: number;
  /** Seed of the data, the initial weights and the mini-batch order (a `Playground` given none draws a fresh one; the default is `defaultConfig()`'s). Range: a whole number between 0 and 4294967295. Default 1. */
  seed?: number;
  /** Per-feature factor applied to the raw features. Each number between -1000 and 1000, not 0. Default [1, 1]. */
  scale?: [number, number];
  /** Rotation in degrees applied after scaling and before the offset; with unequal scales it makes the two features correlated. Range: between -360 and 360. Default 0. */
  rotation?: number;
  /** Per-feature offset added after scaling and rotating. Each number between -1000 and 1000. Default [0, 0]. */
  offset?: [number, number];
  /** The network's inputs, computed from each point's (x₁, x₂) before the normalization: any of x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ (kept in that order). At least one; a repeat counts once. Default ["x1", "x2"]. */
  features?: ("x1" | "x2" | "x1Squared" | "x2Squared" | "x1x2" | "sinX1" | "sinX2")[];
  /** Input normalization, fitted on the training split's features. Default "none". */
  normalize?: "none" | "standardize";
  /** Units of each hidden layer; empty for logistic/linear regression. At most 16 layers, each between 1 and 128 units. Default [4, 2]. */
  hidden?: number[];
  /** Activation of every hidden layer. Default "tanh". */
  activation?: "tanh" | "relu" | "leakyRelu" | "sigmoid" | "linear";
  /** Batch normalization of every hidden layer's pre-activations. Default "off". */
  batchNorm?: "off" | "on";
  /** Initialization of every weight matrix. Default "xavier". */
  init?: "xavier" | "xavierNormal" | "he" | "lecun" | "normal" | "uniform" | "zeros" | "constant" | "identity";
  /** Factor on the initial weights (the value itself for `constant`). Range: between 0 and 1000000. Default 1. */
  initScale?: number;
  /** Update rule. Default "sgd". */
  optimizer?: "sgd" | "momentum" | "adam";
  /** Step size α. Range: > 0 and ≤ 1000000. Default 0.03. */
  learningRate?: number;
  /** How α changes after the warm-up: constant, step, exponential or cosine decay. Default "constant". */
  lrSchedule?: "constant" | "step" | "exponential" | "cosine";
  /** Updates over which α first rises linearly to its value (0: no warm-up). Range: a whole number between 0 and 1000000. Default 0. */
  warmupSteps?: number;
  /** Updates of one decay period: step and exponential multiply α by `decayRate` over each, cosine reaches α·`decayRate` at its end. Range: a whole number between 1 and 1000000. Default 1000. */
  decaySteps?: number;
  /** Factor of α over one decay period. Range: between 0 and 1. Default 0.1. */
  decayRate?: number;
  /** Mini-batch size; capped at the training set size. Range: a whole number between 1 and 1000000. Default 10. */
  batchSize?: number;
  /** L2 penalty λ: the cost gains (λ/2)·Σw² over all weights (not biases). Range: between 0 and 1000000. Default 0. */
  l2?: number;
  /** L1 penalty λ₁: the cost gains λ₁·Σ|w| over all weights (not biases); its subgradient at w = 0 is 0. Range: between 0 and 1000000. Default 0. */
  l1?: number;
  /** Momentum coefficient β. Range: ≥ 0 and < 1. Default 0.9. */
  momentum?: number;
  /** Adam's first-moment decay β1. Range: ≥ 0 and < 1. Default 0.9. */
  beta1?: number;
  /** Adam's second-moment decay β2. Range: ≥ 0 and < 1. Default 0.999. */
  beta2?: number;
  /** Adam's ε. Range: > 0 and ≤ 1. Default 1e-8. */
  epsilon?: number;
}

/** What `lossSurface` computes; every key is optional. */
export interface SurfaceRequest {
  /** The plane: two weights of the network, a filter-normalized random plane through the current point, the plane of the path's top two principal components, the line from the initial to the current parameters, or the plane of the Hessian's two top eigenvectors. Default "weights2d". */
  kind?: "weights2d" | "random" | "pca" | "line" | "hessian";
  /** Grid nodes per axis. Range: a whole number between 3 and 201. Default 51. */
  res?: number;
  /** Half-width of the window in axis units; automatic when absent. Range: > 0 and ≤ 1000000. */
  span?: number;
  /** Centre of the window in axis units; the current point when absent. Each number between -1000000 and 1000000. */
  center?: [number, number];
  /** For `weights2d` on a net with hidden layers: which first-layer unit's input weights. Range: a whole number between 0 and 127. Default 0. */
  unit?: number;
  /** The precision of the grid's forward passes. Default "single". */
  precision?: "single" | "double";
}
