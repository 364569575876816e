/**
 * Korean of the Initialization lab (initialization.html), in the wording of the
 * Korean study notes (기울기 소실과 폭발, 초기화, 활성 함수, 시그모이드, …).
 * The shared controls, readouts and banners come from the playground's strings.
 * Blocks are keyed by their data-i18n name, short texts by their English.
 * (See js/i18n.js.)
 */
import { addStrings, t } from "../core/i18n.js";
import "../playground/ko.js";

/** Activation ids as the canvas description names them. */
const ACTIVATION_NAMES = { tanh: "tanh", relu: "ReLU", leakyRelu: "Leaky ReLU", sigmoid: "시그모이드", linear: "선형" };

/** A formula inside Korean text: left as written. */
const math = (text) => `<span translate="no">${text}</span>`;

/** The per-layer notes under the histograms ("a: mean …", "δ: std … · update/weight …"). */
const note = (text) => text
  .replace(/^a: mean (\S+), std (\S+)$/, "a: 평균 $1, 표준편차 $2")
  .replace(/^(δ|∂J\/∂W): std (\S+)(?: · update\/weight (\S+))?$/,
    (m, name, std, ratio) => `${name}: 표준편차 ${std}${ratio === undefined ? "" : ` · 업데이트/가중치 ${ratio}`}`);

addStrings({
  "Initialization lab — nn-playground": "초기화 실험실 — nn-playground",
  "Skip to the lab": "실험실로 건너뛰기",
  "Training stopped; the last finite state stays drawn. Pick a better initialization or a lower learning rate.":
    "학습이 멈췄습니다. 마지막 유한한 상태가 그대로 그려져 있습니다. 더 알맞은 초기화를 고르거나 학습률을 낮추세요.",

  // controls
  "Network and initialization": "네트워크와 초기화",
  "Preset": "프리셋",
  "Custom": "사용자 설정",
  "Hidden layers": "은닉층 수",
  "Units per layer": "층당 유닛 수",

  // presets (js/init-state.js)
  "Right scale: Xavier for tanh": "알맞은 크기: tanh 에는 Xavier",
  "Right scale: He for ReLU": "알맞은 크기: ReLU 에는 He",
  "Scale right, slope too small: LeCun for sigmoid": "크기는 알맞지만 기울기가 너무 작음: 시그모이드에는 LeCun",
  "Zeros: symmetry never breaks": "영 초기화: 대칭이 깨지지 않음",
  "Too small: N(0, 0.01²) — the signal vanishes": "너무 작음: N(0, 0.01²) — 신호가 사라짐",
  "Too large: N(0, 1) — tanh saturates, δ explodes": "너무 큼: N(0, 1) — tanh 가 포화되고 δ 가 폭발함",
  "Too large: N(0, 1) — ReLU explodes": "너무 큼: N(0, 1) — ReLU 가 폭발함",
  "Linear activations: a straight boundary": "선형 활성 함수: 직선 경계",
  "Deep linear toy, W = 1.5·I (explodes)": "깊은 선형 장난감 예, W = 1.5·I (폭발)",
  "Deep linear toy, W = 0.5·I (vanishes)": "깊은 선형 장난감 예, W = 0.5·I (소실)",
  "Deep linear toy, W = I (stays)": "깊은 선형 장난감 예, W = I (유지)",
  "N(0, 1), batch-normalized — tanh does not saturate": "N(0, 1), 배치 정규화 — tanh 가 포화되지 않음",
  "Deep linear toy, W = 1.5·I, batch-normalized (stays)": "깊은 선형 장난감 예, W = 1.5·I, 배치 정규화 (유지)",
  "Deep linear toy, W = 0.5·I, batch-normalized (stays)": "깊은 선형 장난감 예, W = 0.5·I, 배치 정규화 (유지)",

  // "Fix it" (js/initialization/fix.js)
  "Fix it": "고치기",
  "Set the init scale s to 1, the right scale, and start over": "초기화 배율 s 를 알맞은 크기인 1 로 바꾸고 처음부터 다시 시작합니다",
  "or normalize every layer": "또는 모든 층을 정규화",
  "Keep this initialization and normalize every hidden layer's z over the batch (batch normalization), and start over":
    "이 초기화는 그대로 두고 모든 은닉층의 z 를 배치에 대해 정규화 (배치 정규화) 한 뒤 처음부터 다시 시작합니다",

  // layers column
  "Layers": "층",
  "Each strip is one hidden layer, input side first, over the first": "띠 하나가 은닉층 하나이며, 입력 쪽 층부터 나열합니다. 학습 데이터의 처음",
  "training points. Left: its activations a = g(z) (red background: saturated ends). Right: its gradients. Bar heights ∝ √count, so thin tails stay visible; the numbers under each histogram are its range. Inputs are standardized.":
    "개 점에 대한 분포입니다. 왼쪽: 활성값 a = g(z) (빨간 배경: 포화된 양 끝). 오른쪽: 기울기. 막대 높이는 √개수 에 비례해서 가는 꼬리도 보입니다. 각 히스토그램 아래의 숫자는 그 범위입니다. 입력은 표준화되어 있습니다.",
  "activations a": "활성값 a",
  "gradients": "기\u2060울\u2060기", // word joiners: the label sits beside a select and must not wrap
  "Histograms per layer": "층별 히스토그램",
  "units identical": "유닛이 모두 같음",

  // output column
  "Decision boundary: the network's output over the input plane, with the training points":
    "결정 경계: 입력 평면 위에서의 네트워크 출력과 학습 데이터 점",
  "Across depth": "깊이에 따른 변화",
  "Standard deviation of activations, δ and weight gradients per hidden layer, log scale":
    "은닉층별 활성값, δ, 가중치 기울기의 표준편차 (로그 스케일)",
  "× layer 1": "× 층 1",
  "std per hidden layer, log scale": "은닉층별 표준편차, 로그 스케일",
  "init-bn-note": "배치 정규화는 활성 함수에 앞서 모든 은닉 유닛의 z 를 배치에 대해 표준화하므로, 가중치의 크기가 더 이상 신호의 크기를 정하지 않습니다: N(0, 1) 가중치에서도 tanh 층마다 많아야 3 % 만 포화되고 (정규화 없이는 두 번째 층부터 40–75 %), 깊은 선형 장난감 예에서는 c 가 무엇이든 모든 층의 RMS 가 1 로 유지됩니다. 기울기까지 그만큼 고쳐 주지는 않습니다: δ 는 열 개의 층을 거슬러 가는 동안 여전히 수백 배 커집니다. 정규화 없이 커지는 약 1000배보다 대개 몇 배 작을 뿐입니다. (결정 경계와 손실은 배치 통계의 이동 평균을 쓰는데, 이동 평균은 평균 0, 분산 1 에서 시작하므로 학습 전에는 정규화하지 않은 네트워크와 거의 같습니다.)",

  // initialization table (js/initialization/formula.js)
  "Scheme": "방식",
  "Var(W)": "W 의 분산",
  "value": "값",
  "std": "표준편차",
  "suits": "적합",
  "Xavier (uniform)": "Xavier (균등분포)",
  "Identity": "단위 행렬",
  "0 (every W = 0)": "0 (모든 W = 0)",
  "0 (every W = s)": "0 (모든 W = s)",
  "never": "쓰지 않음",
  "deep linear toy": "깊은 선형 장난감 예",
  "init-xavier-note": `Xavier 균등분포는 ${math("U(±√(6/(n_in + n_out)))")} 에서 뽑으며, 그 분산은 ${math("2/(n_in + n_out)")} 입니다. 어느 방식이든 ${math("Var(z) = n_in·Var(W)·E[a²]")} 가 층을 지날 때마다 커지거나 작아지지 않게 유지합니다. (${math("n_in")}: 입력 수, ${math("n_out")}: 출력 수)`,
  "Symmetry: every unit of each layer is identical (largest difference between two units' weights: 0) — they compute the same function and get the same gradient, forever.":
    "대칭: 각 층의 모든 유닛이 똑같습니다 (두 유닛의 가중치 차이의 최댓값: 0). 같은 함수를 계산하고 같은 기울기를 받아서 영원히 똑같이 남습니다.",

  // activation panel (js/initialization/activation.js)
  "g(z) = max(0, z), g′(z) = 1 if z > 0, else 0": "g(z) = max(0, z),  g′(z) = z > 0 이면 1, 아니면 0",
  "g(z) = z if z > 0, else 0.01·z, g′(z) = 1 or 0.01": "g(z) = z > 0 이면 z, 아니면 0.01·z,  g′(z) = 1 또는 0.01",
  "Output in (−1, 1), centred on 0. Like the sigmoid it saturates: for |z| > 2 the slope is below 0.08, so a unit driven that far passes almost no gradient back.":
    "−1 ~ 1 사이의 값이 나오고 0 이 중심입니다. 시그모이드와 마찬가지로 포화됩니다: |z| > 2 이면 기울기가 0.08 보다 작아서, 그만큼 밀려난 유닛은 역전파할 때 기울기를 거의 전달하지 못합니다.",
  "Output in (0, 1), read as a probability. Its slope is at most ¼ and ≈ 0 for large |z|, and every layer multiplies the backpropagated gradient by it: with LeCun's scale δ shrinks about 4× per layer (more or less, as the weights vary), so deep sigmoid nets learn slowly.":
    "0~1 사이의 값이 나와서 확률로 읽습니다. 기울기는 최대 ¼ 이고 |z| 가 크면 0 에 가까우며, 층마다 역전파되는 기울기에 이 값이 곱해집니다: LeCun 크기에서는 δ 가 층마다 약 4배씩 줄어서 (가중치에 따라 더하거나 덜하며), 깊은 시그모이드 신경망은 느리게 학습합니다.",
  "The most used in practice: where a unit is active the gradient passes unchanged, so it does not saturate. A unit whose z is negative for every example is dead: it outputs 0 and gets no gradient.":
    "제일 자주 씁니다. 유닛이 활성인 곳에서는 기울기가 그대로 전달되므로 포화되지 않습니다. 모든 예제에서 z 가 음수인 유닛은 죽은 유닛입니다: 0 을 출력하고 기울기를 받지 못합니다.",
  "ReLU with a small slope for z < 0, so no unit can die completely.":
    "z < 0 에서도 작은 기울기가 있는 ReLU 라서, 어떤 유닛도 완전히 죽지는 않습니다.",
  "No non-linearity: a stack of linear layers W[L]⋯W[2]W[1]x is one linear map, however deep. The decision boundary can only be a straight line — try the “Linear activations” preset on the moons.":
    "비선형성이 없습니다: 아무리 다층으로 쌓아도 선형 층들 W[L]⋯W[2]W[1]x 는 정리하면 하나의 선형 함수 꼴입니다. 결정 경계는 직선밖에 될 수 없습니다 — 초승달 데이터에서 “선형 활성 함수” 프리셋을 골라 보세요.",

  // messages
  "Deep linear toy, every layer normalized: RMS of layer {layer} = {rms}, layer {layer} / layer 1 = {ratio}, not {c}^{power} = {predicted} as without normalization (the dotted line).":
    "깊은 선형 장난감 예, 모든 층 정규화: 층 {layer} 의 RMS = {rms}, 층 {layer} / 층 1 = {ratio} 로, 정규화하지 않았을 때의 {c}^{power} = {predicted} (점선) 가 아닙니다.",
  "Deep linear toy: hidden layer l outputs c^l·x. RMS of layer {layer} / layer 1 = {ratio} = {c}^{power} = {predicted} (relative difference {difference}).":
    "깊은 선형 장난감 예: 은닉층 l 의 출력은 c^l·x 입니다. 층 {layer} / 층 1 의 RMS = {ratio} = {c}^{power} = {predicted} (상대 차이 {difference}).",

  "init-footer": "강의 §2 와 §4: 활성 함수가 왜 필요한지, 그리고 초기 가중치에 따라 깊은 신경망의 신호와 기울기가 어떻게 사라지거나, 폭발하거나, 건강하게 유지되는지를 봅니다. 모든 숫자는 WebAssembly 로 컴파일된 Rust 코어가 학습과 같은 순전파와 역전파로 계산합니다. 주소창에 설정이 들어 있습니다.",
}, [
  // "Fix it" (js/initialization/fix.js)
  [/^Fix it: (.+)$/, "고치기: $1"],
  [/^Switch to (.+) at scale 1, the right scale for this activation, and start over$/,
    "이 활성 함수에 알맞은 크기인 $1 (배율 1) 로 바꾸고 처음부터 다시 시작합니다"],
  // strips (js/initialization/layers.js)
  [/^Layer (\d+)$/, "층 $1"],
  [/^Layer (\d+) · (\d+) units?$/, "층 $1 · 유닛 $2개"],
  [/^(\S+%) saturated$/, "포화 $1"],
  [/^(\S+%) dead$/, "죽은 유닛 $1"],
  [/^a: mean \S+, std \S+$/, note],
  [/^(δ|∂J\/∂W): std \S+(?: · update\/weight \S+)?$/, note],
  [/^Layer (\d+) activations: (.+)$/, (m, l, text) => `층 ${l} 활성값: ${note(text)}`],
  [/^Layer (\d+) gradients: (.+)$/, (m, l, text) => `층 ${l} 기울기: ${note(text)}`],
  // initialization panel (js/initialization/formula.js)
  [/^Var\(W\) of hidden layer (\d+): fan-in n_in = (\d+), fan-out n_out = (\d+)(?:, times initScale² = (\S+)²)?$/,
    (m, l, n, k, s) => `은닉층 ${l} 의 W 의 분산: 입력 수 ${n}, 출력 수 ${k}${s === undefined ? "" : `, 초기화 배율² = ${s}² 를 곱함`}`],
  [/^Layer (\d+): weights drawn with std (\S+); their std now (\S+)\.$/,
    "층 $1: 가중치를 표준편차 $2 로 뽑았고, 지금 표준편차는 $3 입니다."],
  [/^Layer (\d+): weights set, not drawn at random; their std now (\S+)\.$/,
    "층 $1: 가중치를 무작위로 뽑지 않고 정해 두었고, 지금 표준편차는 $2 입니다."],
  [/^Symmetry broken: units of a layer differ by up to (\S+) in a weight\.$/,
    "대칭이 깨졌습니다: 한 층의 유닛들은 가중치가 최대 $1 만큼 다릅니다."],
  // activation plot's description (js/initialization/activation.js)
  [/^Plot of the (\w+) activation g\(z\) and its derivative g′\(z\) for z from −5 to 5$/,
    (m, a) => `${ACTIVATION_NAMES[a] ?? a} 활성 함수 g(z) 와 그 도함수 g′(z) 의 그래프 (z 는 −5 ~ 5)`],
]);
