/**
 * Korean of the backprop explorer (backprop.html), in the wording of the
 * Korean study notes (역순, 연쇄 법칙, 도함수, T (전치) …). The network
 * diagram, the readouts and the banners it shares with the playground take
 * their strings from js/playground/ko.js. Blocks are keyed by their data-i18n
 * name, short texts by their English. (See js/core/i18n.js.)
 */
import { addStrings, t } from "../core/i18n.js";
import "../playground/ko.js";

addStrings({
  "Backpropagation, step by step — nn-playground": "역전파, 한 단계씩 — nn-playground",
  "Skip to the current stage": "현재 단계로 건너뛰기",

  // header
  "Parameters": "변수",
  "Back to the initial parameters (no update applied)": "처음 변수로 되돌립니다 (업데이트를 적용하기 전)",
  "Updates applied": "적용한 업데이트",
  "Cost J": "비용 J",
  "The previous network stays on show.": "이전 네트워크가 그대로 보입니다.",

  // settings
  "Network and examples": "네트워크와 예제",
  "Hidden layers": "은닉층",
  "units per layer, up to 4 layers of 1–8": "층마다 유닛 수, 1–8개씩 최대 4층",
  "Hidden activation": "은닉층 활성 함수",
  "sigmoid σ": "시그모이드 σ",
  "Trace on": "추적 대상",
  "the next mini-batch": "다음 미니 배치",
  "one example": "예제 하나",
  "Example (training row)": "예제 (학습 데이터의 행)",

  // network and data
  "Network diagram: the units and links of the current stage are highlighted": "네트워크 그림: 현재 단계의 유닛과 연결이 강조됩니다",
  "bp-legend": "각 유닛은 입력 평면 위에서의 출력을 보여 줍니다. 연결: <span class=\"link-key link-key-pos\">양수</span> <span class=\"link-key link-key-neg\">음수</span>, 굵을수록 큽니다. 순전파 단계에서는 가중치를, 역전파 단계에서는 이번 패스의 기울기 ∂J/∂W 를 보여 줍니다. 현재 단계의 유닛과 연결에는 테두리가 쳐집니다 (<span class=\"hl-key hl-key-forward\">순전파</span>, <span class=\"hl-key hl-key-backward\">역전파</span>).",
  "The training data coloured by the network's output, the traced examples ringed": "네트워크 출력으로 색칠한 학습 데이터. 추적한 예제에는 동그라미가 쳐져 있습니다",
  "The training set over the network’s output; the traced examples are ringed.": "네트워크 출력 위의 학습 데이터. 추적한 예제에는 동그라미가 쳐져 있습니다.",
  "Compare backpropagation with central finite differences at the current parameters": "현재 변수에서 역전파를 중앙 유한 차분과 비교합니다",

  // the walk
  "One update, stage by stage": "업데이트 한 번, 단계별로",
  "Stages": "단계",
  "Sizes": "크기",
  "Move through the stages": "단계 이동",
  "Previous stage (←)": "이전 단계 (←)",
  "← Previous": "← 이전",
  "Next stage (→)": "다음 단계 (→)",
  "Next →": "다음 →",
  "Apply update": "업데이트 적용",
  "Take this update (pg.step(1)) and start over on the new parameters": "이 업데이트를 적용하고, 새 변수에서 처음 단계부터 다시 시작합니다",
  "Stage {n} of {count}": "{count}단계 중 {n}단계",
  "transposed": "전치 (T)",
  "{name} transposed, {rows} by {cols}": "{name} 전치, {rows} × {cols}",
  "{name}, {rows} by {cols}": "{name}, {rows} × {cols}",
  "update": "업데이트",
  "new {name}": "새 {name}",
  "targets": "레이블",
  "inputs x": "입력 x",
  "matrix product": "행렬 곱",
  "element-wise": "원소별",
  "Σ over the examples of": "예제에 대한 합 Σ",
  "sum of each row": "각 행의 합",
  "⊙ g′ of": "⊙ g′ 를 적용한",
  "element-wise, the slope at": "원소별, 다음 값에서의 기울기",
  "minus α times": "α 배를 뺌",
  "1 example": "예제 1개",
  "{m} examples": "예제 {m}개",
  "{name}: {size}, the size of {of}": "{name}: {size}, {of} 와 같은 크기",

  "Input: the examples, one per column": "입력: 예제를 한 열에 하나씩",
  "The traced {examples} (training rows {rows}) stacked as columns: a<sup>[0]</sup> has one row per input feature ({features}) and one column per example, so it is {n} × m with m = {m}.":
    "추적한 {examples} (학습 데이터의 행 {rows}) 를 열로 쌓았다. a<sup>[0]</sup> 는 입력 특성 ({features}) 마다 한 행, 예제마다 한 열이므로 m = {m} 일 때 크기가 {n} × m 이다.",

  "Forward, layer {l}: weighted sums z{sup}": "순전파, 층 {l}: 가중합 z{sup}",
  "Each of the {n} unit{s} of layer {l} sums its {nIn} inputs with its weights (one row of {W}) and adds its bias. One matrix product does it for every example at once; {b} is added to each of the {m} column{ms}.":
    "층 {l} 의 유닛 {n}개는 각각 입력 {nIn}개에 자기 가중치 ({W} 의 한 행) 를 곱해 더하고 편향을 더한다. 행렬 곱 한 번으로 모든 예제를 한꺼번에 계산하며, {b} 는 {m}개의 열 각각에 더해진다.",
  "{Wa}: {product}; + {b} ({n} × 1) in every column": "{Wa}: {product}; + {b} ({n} × 1) 는 모든 열에",
  "Forward, output: ŷ = σ(z{sup})": "순전파, 출력: ŷ = σ(z{sup})",
  "Forward, layer {l}: activations a{sup}": "순전파, 층 {l}: 활성값 a{sup}",
  "The sigmoid turns each weighted sum into a probability of class 1 (blue), one per example.":
    "시그모이드가 각 가중합을 클래스 1 (파랑) 일 확률로 바꾼다. 예제마다 하나씩이다.",
  "The activation {act} acts on every entry on its own: a{sup} has the same size as {z}. These are the numbers the next layer receives.":
    "활성 함수 {act} 는 각 원소에 따로 작용한다. 그래서 a{sup} 는 {z} 와 크기가 같다. 다음 층이 받는 숫자가 바로 이것이다.",

  "Cost: binary cross-entropy, averaged over the examples": "비용: 예제에 대해 평균한 이진 교차 엔트로피",
  "Mean loss over the {examples}: {loss}": "{examples}에 대한 평균 손실: {loss}",
  "; with the L2 penalty, J = {cost}.": "; L2 벌점을 더하면 J = {cost}.",
  " It is large when a confident prediction is wrong.": " 확신한 예측이 틀리면 손실이 커진다.",
  "ŷ and y: 1 × {m} → J: one number": "ŷ 와 y: 1 × {m} → J: 숫자 하나",

  "Backward, output: δ{sup} = ∂J/∂z{sup}": "역전파, 출력: δ{sup} = ∂J/∂z{sup}",
  "With a sigmoid output and cross-entropy the derivative of the loss with respect to z is simply ŷ − y. Here δ carries the 1/m of the mean (the lecture divides by m in ∂J/∂W instead): the same numbers.":
    "출력이 시그모이드이고 손실이 교차 엔트로피이면, z 에 대한 손실의 도함수는 간단히 ŷ − y 이다. 여기서는 평균의 1/m 을 δ 에 넣었다 (강의는 대신 ∂J/∂W 에서 m 으로 나눈다). 숫자는 같다.",
  "Backward, layer {l}: gradients ∂J/∂W{sup} and ∂J/∂b{sup}": "역전파, 층 {l}: 기울기 ∂J/∂W{sup} 와 ∂J/∂b{sup}",
  "The gradient of each weight is its unit's δ times the input it multiplies, summed over the examples. Transposing {a} ({r} × {m}) to {m} × {r} makes the sizes fit: the product runs over the {m} example{ms} and comes out the size of {W}.":
    "각 가중치의 기울기는 그 유닛의 δ 에 그 가중치가 곱하는 입력을 곱해 예제에 대해 더한 것이다. {a} ({r} × {m}) 를 T (전치) 처리해 {m} × {r} 로 만들면 연산 크기가 맞는다. 곱은 예제 {m}개에 대해 더해지고, 결과는 {W} 와 크기가 같다.",
  " L2 adds λW (the biases get no penalty).": " L2 는 λW 를 더한다 (편향에는 벌점이 없다).",
  "Backward, layer {k}: δ{supk} from δ{supl} (chain rule)": "역전파, 층 {k}: δ{supl} 로부터 δ{supk} (연쇄 법칙)",
  "Each unit of layer {k} collects the δ of the units it feeds, weighted by the same weights as on the way forward: that is {WT} δ{supl}, with {W} ({nOut} × {nIn}) transposed to {nIn} × {nOut}. Then ⊙ multiplies entry by entry with the slope of the activation at {z} ({inWords}).":
    "역순으로, 바로 전에 구한 δ{supl} 를 다시 쓴다. 층 {k} 의 각 유닛은 자기가 값을 보내는 유닛들의 δ 를 순전파 때와 같은 가중치로 모은다. 곧 {WT} δ{supl} 이며, {W} ({nOut} × {nIn}) 를 {nIn} × {nOut} 로 전치한 것이다. 그다음 ⊙ 는 {z} 에서의 활성 함수의 도함수 ({inWords}) 와 원소끼리 곱한다.",
  "{WTd}: {product}; ⊙ g′({z}) keeps {n} × {m}": "{WTd}: {product}; ⊙ g′({z}) 뒤에도 {n} × {m}",
  "σ′ = σ(1 − σ): read off a[l] as a(1 − a), at most ¼": "σ′ = σ(1 − σ): a[l] 에서 a(1 − a) 로 바로 읽으며, 최대 ¼",
  "ReLU′ is 1 where z > 0 and 0 elsewhere: a unit that is off passes no gradient back": "ReLU′ 는 z > 0 이면 1, 아니면 0: 꺼진 유닛은 기울기를 역순으로 전달하지 않는다",
  "tanh′ = 1 − tanh²: read off a[l] as 1 − a², at most 1": "tanh′ = 1 − tanh²: a[l] 에서 1 − a² 로 바로 읽으며, 최대 1",

  "Update: one step of gradient descent, α = {rate}": "업데이트: 경사 하강법 한 스텝, α = {rate}",
  "Every parameter moves against its gradient. The new values on the right are the core's own, from the very step that “Apply update” takes; then the walk starts over on them.":
    "모든 변수가 기울기의 반대 방향으로 옮겨진다. 오른쪽의 새 값은 코어가 직접 계산한 것으로, “업데이트 적용”이 하는 바로 그 스텝의 결과이다. 적용하면 새 값에서 처음 단계부터 다시 시작한다.",
  "Every parameter moves against its gradient. These gradients are of one chosen example; “Apply update” trains on the next mini-batch (switch to “next mini-batch” to see that update’s result here).":
    "모든 변수가 기울기의 반대 방향으로 옮겨진다. 이 기울기는 고른 예제 하나의 것이다. “업데이트 적용”은 다음 미니 배치로 학습한다 (그 업데이트의 결과를 여기서 보려면 “다음 미니 배치”로 바꾸자).",
  "Each gradient has the size of its parameter: that is what makes the subtraction possible.":
    "각 기울기는 그 변수와 크기가 같다. 그래서 뺄셈을 할 수 있다.",

  // batch normalization (js/backprop/norm-stages.js and the stages around it)
  "Each of the {n} unit{s} of layer {l} sums its {nIn} inputs with its weights (one row of {W}), for every example at once in one matrix product. No bias here: the normalization that follows subtracts each unit's batch mean, which would cancel it; its β takes the bias's place.":
    "층 {l} 의 유닛 {n}개는 각각 입력 {nIn}개에 자기 가중치 ({W} 의 한 행) 를 곱해 더하며, 행렬 곱 한 번으로 모든 예제를 한꺼번에 계산합니다. 여기에는 편향이 없습니다: 뒤따르는 정규화가 유닛마다 배치 평균을 빼서 편향을 지워 버리기 때문이며, 정규화의 β 가 편향을 대신합니다.",
  "{Wa}: {product}": "{Wa}: {product}",
  "Forward, layer {l}: batch normalization z̃{sup}": "순전파, 층 {l}: 배치 정규화 z̃{sup}",
  "Each unit’s z is standardized over the m examples of the batch: minus its batch mean μ<sub>B</sub>, divided by its batch standard deviation (ε = 10⁻⁵ keeps the division finite). Each row of ẑ then has mean 0 and variance 1 (just under: σ²<sub>B</sub>/(σ²<sub>B</sub> + ε)), whatever the scale of W. The learned γ and β set the scale and offset the activation receives; β takes the place of the bias.":
    "각 유닛의 z 를 배치의 예제 m개에 대해 표준화합니다: 배치 평균 μ<sub>B</sub> 를 빼고 배치 표준편차로 나눕니다 (ε = 10⁻⁵ 는 나눗셈이 유한하게 해 줍니다). 그러면 W 의 크기와 상관없이 ẑ 의 각 행은 평균 0, 분산 1 (정확히는 그보다 조금 작은 σ²<sub>B</sub>/(σ²<sub>B</sub> + ε)) 이 됩니다. 학습되는 γ 와 β 가 활성 함수가 받는 값의 크기와 위치를 정하며, β 가 편향을 대신합니다.",
  "μ<sub>B</sub>, σ²<sub>B</sub>, {gamma}, {beta}: {n} × 1, one per unit, used in every column; {zHat} and {zTilde}: {n} × {m}":
    "μ<sub>B</sub>, σ²<sub>B</sub>, {gamma}, {beta}: {n} × 1, 유닛마다 하나씩이며 모든 열에 쓰임; {zHat} 와 {zTilde}: {n} × {m}",
  "mean and variance of each row over the examples": "각 행의 예제에 대한 평균과 분산",
  "batch mean": "배치 평균",
  "batch variance": "배치 분산",
  " With a batch of one, z = μ<sub>B</sub> and σ²<sub>B</sub> = 0, so ẑ = 0: every normalized unit outputs β (z̃ = β) and ∂J/∂W = 0 in every normalized layer — such a batch teaches their weights nothing.":
    " 배치에 예제가 하나뿐이면 z = μ<sub>B</sub>, σ²<sub>B</sub> = 0 이므로 ẑ = 0 입니다: 정규화된 유닛은 모두 β 를 출력하고 (z̃ = β), 정규화된 층마다 ∂J/∂W = 0 이 됩니다 — 이런 배치로는 그 가중치를 전혀 학습하지 못합니다.",
  "Backward, layer {k}: δ̃{supk} = ∂J/∂z̃{supk} from δ{supl} (chain rule)": "역전파, 층 {k}: δ{supl} 로부터 δ̃{supk} = ∂J/∂z̃{supk} (연쇄 법칙)",
  " This is δ̃ = ∂J/∂z̃, the gradient at the normalization's output; the next stage carries it back through the normalization.":
    " 이것이 정규화의 출력에서의 기울기 δ̃ = ∂J/∂z̃ 이며, 다음 단계에서 정규화를 거쳐 역전파합니다.",
  "Backward, layer {l}: through the normalization to ∂J/∂γ{sup}, ∂J/∂β{sup} and δ{sup}": "역전파, 층 {l}: 정규화를 거쳐 ∂J/∂γ{sup}, ∂J/∂β{sup} 와 δ{sup} 로",
  "μ<sub>B</sub> and σ²<sub>B</sub> depend on every example of the batch, so δ = ∂J/∂z is not simply γ/√(σ²<sub>B</sub> + ε) times δ̃: the two means take off what flows back through μ<sub>B</sub> and σ²<sub>B</sub>. So each row of δ sums to 0 — a bias before the normalization would get no gradient, which is why β takes its place. ∂J/∂γ = Σ δ̃ẑ and ∂J/∂β = Σ δ̃ are the gradients of the learned scale and shift.":
    "μ<sub>B</sub> 와 σ²<sub>B</sub> 는 배치의 모든 예제에 따라 달라지므로, δ = ∂J/∂z 는 단순히 γ/√(σ²<sub>B</sub> + ε) 에 δ̃ 를 곱한 값이 아닙니다: 두 평균이 μ<sub>B</sub> 와 σ²<sub>B</sub> 를 거쳐 역전파되는 몫을 뺍니다. 그래서 δ 의 각 행의 합은 0 입니다 — 정규화 앞에 편향을 두어도 기울기를 받지 못하므로 β 가 그 자리를 대신합니다. ∂J/∂γ = Σ δ̃ẑ 와 ∂J/∂β = Σ δ̃ 는 학습되는 배율과 이동의 기울기입니다.",
  "∂J/∂{gamma} and ∂J/∂{beta}: {n} × 1, the size of {gamma} and {beta}; {delta}: {n} × {m}, the size of {z}":
    "∂J/∂{gamma} 와 ∂J/∂{beta}: {n} × 1, {gamma}, {beta} 와 같은 크기; {delta}: {n} × {m}, {z} 와 같은 크기",
  "− mean(δ̃) −": "− 평균(δ̃) −",
  "⊙ mean(δ̃ẑ))": "⊙ 평균(δ̃ẑ))",
  "each row's mean over the examples": "각 행의 예제에 대한 평균",
  "Backward, layer {l}: gradient ∂J/∂W{sup}": "역전파, 층 {l}: 기울기 ∂J/∂W{sup}",
  " In the normalized layers β is updated in the bias's place, and γ with it.": " 정규화된 층에서는 편향 대신 β 가, 그리고 함께 γ 가 업데이트됩니다.",

  // more than two classes: the softmax output (js/backprop/output.js)
  "class labels": "클래스 레이블",
  "a 1 in the row of each example's class": "예제마다 그 클래스의 행에 1",
  "over each column: e^z divided by the column's sum": "열마다: e^z 를 그 열의 합으로 나눔",
  "Forward, output: ŷ = softmax(z{sup})": "순전파, 출력: ŷ = softmax(z{sup})",
  "The softmax turns the weighted sums of each example, one per class, into probabilities of the classes: ŷ<sub>k</sub> = e<sup>z<sub>k</sub></sup> / Σ<sub>j</sub> e<sup>z<sub>j</sub></sup>. Every entry lies between 0 and 1 and each column sums to 1. Unlike the sigmoid it does not act on each entry on its own: every z of a column changes every ŷ of it.":
    "소프트맥스는 예제마다 클래스당 하나씩인 가중합을 클래스들의 확률로 바꿉니다: ŷ<sub>k</sub> = e<sup>z<sub>k</sub></sup> / Σ<sub>j</sub> e<sup>z<sub>j</sub></sup>. 모든 원소는 0 과 1 사이에 있고, 각 열의 합은 1 입니다. 시그모이드와 달리 원소마다 따로 작용하지 않습니다: 한 열의 z 가 하나만 바뀌어도 그 열의 ŷ 가 모두 바뀝니다.",
  "Cost: categorical cross-entropy, averaged over the examples": "비용: 예제에 대해 평균한 범주형 교차 엔트로피",
  " Each example's loss is L = −log ŷ<sub>y</sub>, minus the log of the probability the network gives its true class y; the other probabilities enter only through the softmax, which makes them sum to 1.":
    " 예제마다 손실은 L = −log ŷ<sub>y</sub>, 곧 네트워크가 그 예제의 실제 클래스 y 에 주는 확률의 로그에 마이너스를 붙인 값입니다. 다른 확률은 소프트맥스를 거쳐서만 들어오며, 소프트맥스가 확률의 합을 1 로 만듭니다.",
  "ŷ: {K} × {m}, y: 1 × {m} → J: one number": "ŷ: {K} × {m}, y: 1 × {m} → J: 숫자 하나",
  "The lecture's binary formula generalized: with a softmax output and categorical cross-entropy, ∂J/∂z is again ŷ − y, with y written one-hot (one row per class, a 1 in the row of each example's class) and the 1/m of the mean. One row per class, one column per example; each column of δ sums to 0, because the column of ŷ and that of the one-hot y both sum to 1. With two classes and a sigmoid output the same formula is the binary ŷ − y.":
    "강의의 이진 공식을 일반화한 것입니다: 출력이 소프트맥스이고 손실이 범주형 교차 엔트로피이면 ∂J/∂z 는 다시 ŷ − y 입니다. 다만 y 는 원-핫으로 쓰고 (클래스마다 한 행, 예제마다 그 클래스의 행에 1), 평균의 1/m 을 넣습니다. 클래스마다 한 행, 예제마다 한 열이며, δ 의 각 열의 합은 0 입니다: ŷ 의 열과 원-핫 y 의 열의 합이 모두 1 이기 때문입니다. 클래스가 둘이고 출력이 시그모이드이면 같은 공식이 이진 ŷ − y 입니다.",

  // banners
  "Comparison settings rejected.": "비교 설정이 거부되었습니다.",
  "The previous runs stay on show.": "이전 실행이 그대로 보입니다.",
  "Lower the learning rate (the form) and press Reset.": "설정에서 학습률을 낮추고 다시 시작을 누르세요.",

  // optimizers side by side
  "Optimizers on one loss surface": "한 손실 곡면 위의 최적화 방법들",
  "race-intro": "은닉층이 없는 로지스틱 회귀를 x₂ 를 늘인, 서로 겹치는 가우시안 두 개 위에서 학습시킨다. 세 방법 모두 같은 데이터, 같은 초기 가중치, 같은 학습률 α, 전체 배치 기울기를 쓴다. 각 그림은 두 가중치 w₁, w₂ 에 대한 비용 (편향은 그 실행의 현재 값) 과, 동그라미에서 점까지 지나온 경로이다. 늘인 특성 때문에 그릇이 골짜기가 된다. SGD 는 가장 가파른 방향으로 내려가는데, 그 방향은 골짜기를 따르기보다 가로지르므로 느리게 기어간다 (α 가 크면 지그재그로 움직인다: 2 로 해 보자). 모멘텀은 방향이 맞는 스텝들을 더해 가다가 지나친다. Adam 은 각 가중치의 스텝을 그 가중치의 최근 기울기 크기로 나눈다.",
  "Optimizer comparison settings": "최적화 방법 비교 설정",
  "Stretch x₂": "x₂ 늘이기",
  "× 1 (round bowl)": "× 1 (둥근 그릇)",
  "× 10 (thin valley)": "× 10 (가는 골짜기)",
  "Restart": "처음부터",
  "Momentum (β = 0.9)": "모멘텀 (β = 0.9)",
  "diverged": "발산",
  "Diverged: lower the learning rate.": "발산했습니다. 학습률을 낮추세요.",
  "initial": "초기",
  "current": "현재",
  "w₁ (weight of x₁)": "w₁ (x₁ 의 가중치)",
  "w₂ (weight of x₂)": "w₂ (x₂ 의 가중치)",
  "b (bias)": "b (편향)",
  "The parameters now equal the ones the update stage showed ✓.": "이제 변수는 업데이트 단계에서 본 값과 같습니다 ✓.",
  "✗ The parameters differ from the preview.": "✗ 변수가 미리 본 값과 다릅니다.",
  "example={example} (the training set has {n} rows; using 0)": "예제 {example}: 학습 데이터는 {n}행뿐이라 0 을 씁니다",
  "Update {n} applied on training rows {rows}.": "업데이트 {n} 을(를) 학습 데이터의 행 {rows} 에 적용했습니다.",
  "1 … {n} (all)": "1 … {n} (전체)",
  "units per layer, up to {layers} layers of 1–{units}": "층마다 유닛 수, 최대 {layers}층, 층마다 1–{units}",

  "bp-footer": "표기는 강의와 같다. 층 l 은 가중치 W<sup>[l]</sup> (유닛 × 입력), 편향 b<sup>[l]</sup>, 가중합 z<sup>[l]</sup>, 활성값 a<sup>[l]</sup> 를 가지며, 예제 하나가 한 열이다. a<sup>[0]</sup> = x, a<sup>[L]</sup> = ŷ 이다. 모든 숫자는 학습이 쓰는 바로 그 코어의 순전파와 역전파에서 나오므로, 이 화면은 학습과 어긋날 수 없다. ← 와 → 로 한 단계씩 움직인다.",
}, [
  [/^\+(\d+) updates$/, "+$1 업데이트"],
  [/^cost (\S+) after (\d+) updates$/, "비용 $1 (업데이트 $2회 후)"],
  [/^(.+): cost over the two weights, with the optimizer's path$/, (m, title) => `${t(title)}: 두 가중치에 대한 비용과 최적화 경로`],
]);
