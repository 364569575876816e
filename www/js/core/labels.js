/**
 * The words for the core's settings: what a menu shows for each choice (the
 * schema gives the choices, this module their labels), and the Korean of those
 * labels and of the settings' field labels, so a new setting's words live in
 * one file. A page may show other words for a choice in its own state
 * description, and other Korean in its own strings.
 */
import { addStrings } from "./i18n.js";

/**
 * How each setting's field looks where a page shows it with `<div data-setting="key">`: its
 * label (and symbol), the input when a number field would not do ("text", "range",
 * "checkbox"), a tooltip, suggested values, the optimizers (`optimizer`) or learning-rate
 * schedules (`lrSchedule`) it belongs to. A page's placeholder may say otherwise for its
 * story (`data-label`, `data-symbol`, `data-hint`, `data-input`).
 */
export const SETTING_FIELDS = Object.freeze({
  problem: { label: "Problem type" },
  dataset: { label: "Dataset" },
  classes: { label: "Classes", title: "With 3 or more, the output is a softmax of one unit per class, trained with categorical cross-entropy" },
  samples: { label: "Samples" },
  noise: { label: "Noise", input: "range" },
  trainFraction: { label: "Training data", input: "range", format: "percent" },
  seed: { label: "Seed" },
  rotation: { label: "Rotate °" },
  features: { label: "Input features" },
  normalize: { label: "Standardize inputs", input: "checkbox", hint: "(training mean and spread)" },
  hidden: { label: "Hidden layer sizes", input: "text" },
  activation: { label: "Activation" },
  batchNorm: {
    label: "Batch normalization", input: "checkbox", hint: "(every hidden layer)",
    title: "Each hidden unit's z is standardized over the mini-batch, then scaled by a learned γ and shifted by β: z̃ = γ·(z − μ_B)/√(σ²_B + ε) + β",
  },
  init: { label: "Initialization" },
  initScale: { label: "Init scale", symbol: "s" },
  optimizer: { label: "Optimizer" },
  learningRate: {
    label: "Learning rate", input: "text", suggestions: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  },
  lrSchedule: { label: "Schedule", title: "How the learning rate α changes over the updates, after the warm-up" },
  warmupSteps: { label: "Warm-up steps", title: "Over its first updates α rises linearly to the learning rate (0: no warm-up)" },
  decaySteps: {
    label: "Decay steps", lrSchedule: "step exponential cosine",
    title: "One decay period: step and exponential decay multiply α by r over each, cosine reaches α·r at its end",
  },
  decayRate: { label: "Decay rate", symbol: "r", lrSchedule: "step exponential cosine", title: "The factor of α over one decay period" },
  batchSize: { label: "Batch size" },
  l2: { label: "L2", symbol: "λ" },
  l1: { label: "L1", symbol: "λ₁", title: "The cost gains λ₁·Σ|w| over the weights: most weights the network does not need shrink to about 0" },
  momentum: { label: "Momentum", symbol: "β", title: "v ← β v + g, w ← w − α v", optimizer: "momentum" },
  beta1: { label: "Adam", symbol: "β₁", title: "m ← β1 m + (1 − β1) g (first moment)", optimizer: "adam" },
  beta2: { label: "Adam", symbol: "β₂", title: "s ← β2 s + (1 − β2) g² (second moment)", optimizer: "adam" },
  epsilon: { label: "Adam", symbol: "ε", input: "text", title: "w ← w − α m̂ / (√ŝ + ε)", optimizer: "adam" },
});

/** Menu labels of each choice setting. */
export const CHOICE_LABELS = Object.freeze({
  problem: { classification: "Classification", regression: "Regression" },
  dataset: {
    circle: "Circle", xor: "XOR", gauss: "Gauss", spiral: "Spiral", moons: "Moons", pinwheel: "Pinwheel",
    plane: "Plane", gaussians: "Gaussians", custom: "Yours",
  },
  features: { x1: "x₁", x2: "x₂", x1Squared: "x₁²", x2Squared: "x₂²", x1x2: "x₁x₂", sinX1: "sin x₁", sinX2: "sin x₂" },
  normalize: { none: "Raw inputs", standardize: "Standardize inputs" },
  activation: { tanh: "Tanh", relu: "ReLU", leakyRelu: "Leaky ReLU", sigmoid: "Sigmoid", linear: "Linear" },
  batchNorm: { off: "Off", on: "Every hidden layer" },
  init: {
    xavier: "Xavier", xavierNormal: "Xavier normal", he: "He", lecun: "LeCun", normal: "Normal N(0, 1)",
    uniform: "Uniform U(−1, 1)", zeros: "Zeros", constant: "Constant", identity: "Identity (W = s·I)",
  },
  optimizer: { sgd: "SGD", momentum: "Momentum", adam: "Adam" },
  lrSchedule: { constant: "Constant", step: "Step decay", exponential: "Exponential decay", cosine: "Cosine decay" },
});

/** Longer names of the datasets, for a thumbnail's tooltip. */
export const DATASET_TITLES = Object.freeze({
  circle: "Circle", xor: "Exclusive or", gauss: "Gaussian blobs, one per class", spiral: "Spiral, one arm per class", moons: "Two moons",
  pinwheel: "Pinwheel, one blade per class",
  plane: "Plane", gaussians: "Gaussians", custom: "Your own points: click the plot, or import a CSV file",
});

/** The label of `choice` of setting `key` (the choice itself when none is known). */
export function choiceLabel(key, choice, labels = CHOICE_LABELS[key]) {
  return labels?.[choice] ?? choice;
}

addStrings({
  // the settings' labels
  "Problem type": "문제 유형",
  "Dataset": "데이터셋",
  "Classes": "클래스 수",
  "With 3 or more, the output is a softmax of one unit per class, trained with categorical cross-entropy":
    "3개 이상이면 출력은 클래스마다 유닛이 하나씩인 소프트맥스이고, 범주형 교차 엔트로피로 학습합니다",
  "Samples": "샘플 수",
  "Noise": "노이즈",
  "Training data": "학습 데이터",
  "Seed": "시드",
  "Scale x": "배율 x",
  "Rotate °": "회전 °",
  "Offset x": "오프셋 x",
  "Input features": "입력 특성",
  "Standardize inputs": "입력 표준화",
  "Hidden layer sizes": "은닉층 크기",
  "Activation": "활성 함수",
  "Batch normalization": "배치 정규화",
  "(every hidden layer)": "(모든 은닉층)",
  "Each hidden unit's z is standardized over the mini-batch, then scaled by a learned γ and shifted by β: z̃ = γ·(z − μ_B)/√(σ²_B + ε) + β":
    "은닉 유닛마다 z를 미니배치에 대해 표준화한 다음, 학습되는 γ를 곱하고 β를 더합니다: z̃ = γ·(z − μ_B)/√(σ²_B + ε) + β",
  "Initialization": "초기화",
  "Init scale": "초기화 배율",
  "Optimizer": "최적화 방법",
  "Learning rate": "학습률",
  "Batch size": "배치 크기",
  "Momentum": "모멘텀",
  "Schedule": "학습률 스케줄",
  "How the learning rate α changes over the updates, after the warm-up": "워밍업이 끝난 뒤 업데이트마다 학습률 α가 바뀌는 방식",
  "Warm-up steps": "워밍업 스텝",
  "Over its first updates α rises linearly to the learning rate (0: no warm-up)": "처음 업데이트 동안 α가 학습률까지 선형으로 커집니다 (0: 워밍업 없음)",
  "Decay steps": "감쇠 스텝",
  "One decay period: step and exponential decay multiply α by r over each, cosine reaches α·r at its end":
    "감쇠 한 주기: 계단식과 지수 감쇠는 주기마다 α에 r을 곱하고, 코사인 감쇠는 주기가 끝날 때 α·r에 이릅니다",
  "Decay rate": "감쇠율",
  "The factor of α over one decay period": "감쇠 한 주기 동안 α에 곱해지는 값",
  "(training mean and spread)": "(학습 데이터의 평균과 분산)",
  "The cost gains λ₁·Σ|w| over the weights: most weights the network does not need shrink to about 0":
    "비용에 가중치의 λ₁·Σ|w|가 더해집니다: 네트워크에 필요 없는 가중치는 대부분 거의 0으로 줄어듭니다",
  "m ← β1 m + (1 − β1) g (first moment)": "m ← β1 m + (1 − β1) g (1차 모멘트)",
  "s ← β2 s + (1 − β2) g² (second moment)": "s ← β2 s + (1 − β2) g² (2차 모멘트)",
  // the choices' labels
  "Classification": "분류",
  "Regression": "회귀",
  "Circle": "원",
  "Gauss": "가우스",
  "Spiral": "나선",
  "Moons": "초승달",
  "Pinwheel": "바람개비",
  "Plane": "평면",
  "Gaussians": "가우시안",
  "Yours": "내 데이터",
  "Raw inputs": "원본 입력",
  "Tanh": "tanh",
  "Sigmoid": "시그모이드",
  "Linear": "선형",
  "Off": "끔",
  "Every hidden layer": "모든 은닉층",
  "Xavier normal": "Xavier 정규분포",
  "Normal N(0, 1)": "정규분포 N(0, 1)",
  "Uniform U(−1, 1)": "균등분포 U(−1, 1)",
  "Zeros": "0으로",
  "Constant": "상수",
  "Step decay": "계단식 감쇠",
  "Exponential decay": "지수 감쇠",
  "Cosine decay": "코사인 감쇠",
  "Identity (W = s·I)": "단위 행렬 (W = s·I)",
  // the datasets' titles
  "Exclusive or": "배타적 논리합 (XOR)",
  "Gaussian blobs, one per class": "클래스마다 가우시안 덩어리 하나",
  "Spiral, one arm per class": "클래스마다 팔 하나인 나선",
  "Pinwheel, one blade per class": "클래스마다 날개 하나인 바람개비",
  "Two moons": "초승달 두 개",
  "Your own points: click the plot, or import a CSV file": "직접 만든 점: 그래프를 클릭하거나 CSV 파일을 가져오세요",
});
