/**
 * Korean of the Normalization lab (normalization.html) and of what its modules
 * write: the panels, the readouts, the captions, the canvas text of the loss
 * surfaces, the core's messages about surfaces. Controls it shares with the
 * playground (Play, Data, Activation, the core's messages about settings…)
 * come from ./playground.js, which the page imports after this module, so the
 * more specific patterns here are tried first. Blocks are keyed by their
 * data-i18n name ("lab-…"), short texts by their English. (See js/i18n.js.)
 */
import { addStrings, tIn } from "../core/i18n.js";
import "../shell/ko.js";

const ko = (text) => tIn("ko", text);
const en = (text) => `<span lang="en">${text}</span>`;
const SIDE = { "Raw inputs": "원본 입력", "Standardized inputs": "표준화한 입력", "Every layer normalized": "모든 층을 정규화" };
const METHOD = { hessian: "헤세 행렬", sweep: "탐색" };

addStrings({
  "Normalization lab — nn-playground": "정규화 실험실 — nn-playground",
  "Skip to the two panels": "두 패널로 건너뛰기",

  // header
  "Training controls, both sides at once": "학습 조작 (양쪽 동시에)",
  "Rebuild both sides from the same seed and initial weights": "같은 시드와 같은 초기 가중치로 양쪽을 다시 만듭니다",
  "Train both sides in lockstep (space)": "양쪽을 나란히 학습 (스페이스)",
  "One update on each side": "양쪽에서 업데이트 한 번씩",
  "Updates per frame": "프레임당 업데이트",
  "as many as fit 8 ms": "8 ms 안에 되는 만큼",
  "Updates": "업데이트",

  // banners
  "Both sides keep running with their previous settings.": "양쪽 모두 이전 설정으로 계속 실행됩니다.",
  "These link settings were not understood; their defaults are used:": "링크의 다음 설정을 이해하지 못해 기본값을 사용합니다:",

  // the toolbar, the folded settings, the side switch
  "Settings": "설정",
  "Distortion": "왜곡",
  "More settings": "설정 더 보기",
  "Side shown": "보이는 쪽",
  "Right side": "오른쪽",
  "inputs standardized": "입력을 표준화",
  "every layer normalized": "모든 층을 정규화",
  "The same network on standardized inputs": "같은 신경망에 표준화한 입력",
  "The same raw inputs, with batch normalization in every hidden layer": "같은 원본 입력에, 모든 은닉층에서 배치 정규화",

  // data
  "Plane (regression: the model is linear regression)": "평면 (회귀: 모델은 선형 회귀)",
  "Gaussian bumps (regression)": "가우시안 봉우리 (회귀)",
  "Bumps": "봉우리",

  // feature distortion
  "Preset": "프리셋",
  "offset both features by +8": "두 특성 모두 +8 만큼 이동",
  "correlated (x₂ × 10, rotated 45°)": "상관됨 (x₂ × 10, 45° 회전)",
  "none": "없음",
  "custom": "사용자 지정",
  "lab-formula": "x′ = R<sub>θ</sub>(x ⊙ 배율) + 오프셋",
  "Rotate °": "회전 °",

  // model and training
  "Model and training": "모델과 학습",
  "(the same for both sides)": "(양쪽 동일)",
  "Hidden layers": "은닉층",
  "e.g. 8,8; empty = logistic regression": "예: 8,8 · 비우면 로지스틱 회귀",
  "Gradient descent (SGD)": "경사 하강법 (SGD)",
  "250 = all training points": "250 = 학습 점 전체",
  "Fair learning rates": "공정한 학습률",
  "Same learning rate": "같은 학습률",
  "unit {n}": "유닛 {n}",
  "Both sides use α = {rate}.": "양쪽 모두 α = {rate} 을 씁니다.",
  "Computing each side's learning rate…": "양쪽의 학습률을 계산하는 중…",

  // loss surface settings
  "Loss surface": "손실 곡면",
  "Surface kind": "곡면 종류",
  "The cost over two weights, everything else fixed": "나머지는 고정하고, 가중치 두 개에 대한 비용",
  "two weights": "가중치 두 개",
  "Filter-normalized random directions": "필터 정규화한 무작위 방향",
  "random plane": "무작위 평면",
  "Plane of the path's principal directions": "경로의 주성분 방향이 이루는 평면",
  "PCA of the path": "경로의 주성분",
  "1-D cut from the initial to the current parameters": "초기 변수에서 현재 변수까지의 1차원 단면",
  "line init → now": "직선: 초기 → 현재",
  "Hessian's top eigenvectors": "헤세 행렬의 고유벡터",
  "Plane of the Hessian's two eigenvectors of largest curvature at the current parameters": "현재 변수에서 곡률이 가장 큰 헤세 행렬의 고유벡터 두 개가 이루는 평면",
  "Hidden unit": "은닉 유닛",
  "Target loss": "목표 손실",
  "lab-target-hint": `<output id="target-value"></output> · ${en("“auto”")} = 오른쪽의 최저 손실 + 0.05`,

  // the panels
  "Raw inputs and the normalized side, side by side": "원본 입력과 정규화한 쪽, 나란히",
  ...SIDE,
  "Learning rate (shared by both sides)": "학습률 (양쪽 공통)",
  "This side diverged.": "이쪽이 발산했습니다.",
  "It stopped at its last finite state; the other side goes on. Lower the learning rate and press Reset.":
    "마지막 유한한 상태에서 멈췄고, 다른 쪽은 계속합니다. 학습률을 낮추고 다시 시작을 누르세요.",
  "Condition number of E[x̃x̃ᵀ], x̃ = (x₁, x₂, 1): what the model’s Hessian is made of":
    "E[x̃x̃ᵀ], x̃ = (x₁, x₂, 1) 의 조건수: 모델의 헤세 행렬을 이루는 것",
  "lab-kappa-inputs": `입력의 <span class="symbol">κ</span> (편향 포함)`,
  "Condition number of the inputs’ covariance (mean removed)": "입력 공분산 (평균을 뺀) 의 조건수",
  "lab-kappa-covariance": `입력 공분산의 <span class="symbol">κ</span>`,
  "Condition number of the cost’s Hessian at the current weights: each point weighted by σ′(z)": "현재 가중치에서 비용 함수의 헤세 행렬의 조건수: 점마다 σ′(z) 로 가중됩니다",
  "lab-kappa-hessian": `지금의 헤세 행렬의 <span class="symbol">κ</span>`,
  "Error factor per step at the best fixed learning rate, for a cost whose Hessian is shaped like E[x̃x̃ᵀ]": "헤세 행렬이 E[x̃x̃ᵀ] 꼴인 비용 함수에서, 가장 좋은 고정 학습률일 때 스텝마다 오차에 곱해지는 배율",
  "lab-contraction-inputs": `입력의 (<span class="symbol">κ</span> − 1)/(<span class="symbol">κ</span> + 1)`,
  "Error factor per step at the best fixed learning rate, from the Hessian at the current weights": "현재 가중치의 헤세 행렬로 본, 가장 좋은 고정 학습률에서 스텝마다 오차에 곱해지는 배율",
  "lab-contraction-hessian": `지금의 헤세 행렬의 (<span class="symbol">κ</span> − 1)/(<span class="symbol">κ</span> + 1)`,
  "Cost J (training)": "비용 J (학습)",
  "Saturated, first layer": "포화 (첫 은닉층)",
  "Share of the first hidden layer’s outputs on the flat ends of tanh or σ (|a| > 0.97, or σ outside 0.03…0.97), over 256 training points":
    "첫 은닉층의 출력 가운데 tanh 나 σ 의 평평한 끝에 있는 비율 (|a| > 0.97, 또는 σ 가 0.03…0.97 밖), 학습 점 256개에서",
  "lab-nothing-normalized": "은닉층이 없습니다: 신경망 안에 정규화할 것이 없으므로 이쪽은 원본 쪽과 똑같이 학습합니다. <em>설정 더 보기</em>에서 은닉층을 추가하세요.",
  "Updates to reach the target": "목표까지의 업데이트",
  "not yet": "아직",
  "Loss surface as filled contours with the optimizer's path": "채운 등고선으로 그린 손실 곡면과 최적화 경로",
  "The data with the decision boundary": "데이터와 결정 경계",
  "The data in its distorted units, shaded by this side’s decision boundary.": "왜곡된 단위 그대로의 데이터와, 이쪽의 결정 경계.",
  "Loss curve of this side": "이쪽의 손실 곡선",

  // captions of the surface
  "Plane of two filter-normalized random directions δ, η through the current parameters.":
    "현재 변수를 지나고, 필터 정규화한 무작위 방향 δ, η 가 이루는 평면.",
  "Cost along θ₀ + t·(θ − θ₀), from the initial (t = 0) to the current parameters (t = 1); ticks mark where the path's points project.":
    "θ₀ + t·(θ − θ₀) 를 따라 본 비용: 초기 변수 (t = 0) 에서 현재 변수 (t = 1) 까지. 눈금은 경로의 점들이 투영되는 자리입니다.",
  "The exact cost of the logistic regression over its two weights, bias at its current value.":
    "로지스틱 회귀의 가중치 두 개에 대한 정확한 비용 (편향은 현재 값).",
  "The exact cost of the linear regression over its two weights, bias at its current value.":
    "선형 회귀의 가중치 두 개에 대한 정확한 비용 (편향은 현재 값).",

  // canvas text of the surface (axes from the core, markers, the empty frame)
  "w₁ (weight of x₁)": "w₁ (x₁ 의 가중치)",
  "w₂ (weight of x₂)": "w₂ (x₂ 의 가중치)",
  "b (bias)": "b (편향)",
  "α (random direction δ)": "α (무작위 방향 δ)",
  "β (random direction η)": "β (무작위 방향 η)",
  "t (0 = initial, 1 = current parameters)": "t (0 = 초기, 1 = 현재 변수)",
  "v₁ (Hessian's first eigenvector)": "v₁ (헤세 행렬의 첫째 고유벡터)",
  "v₂ (Hessian's second eigenvector)": "v₂ (헤세 행렬의 둘째 고유벡터)",
  "cost J": "비용 J",
  "log₁₀ cost J": "log₁₀ 비용 J",
  "initial": "초기",
  "current": "현재",
  "Train for a few steps first: this plane is fitted to the optimizer's path.":
    "먼저 몇 스텝 학습하세요. 이 평면은 최적화 경로에 맞춰 정해집니다.",
  "Computing the Hessian's top eigenvectors…": "헤세 행렬의 가장 큰 고유벡터들을 계산하고 있습니다…",
  "Computing the loss surface…": "손실 곡면을 계산하고 있습니다…",

  // the comparison and the lesson
  "Training loss, both sides": "양쪽의 학습 손실",
  "Training loss of the raw and the normalized side per update": "업데이트마다 원본 쪽과 정규화한 쪽의 학습 손실",
  "raw inputs": "원본 입력",
  "standardized inputs": "표준화한 입력",
  "What you are looking at": "지금 보고 있는 것",
  "lab-lesson-1": "양쪽은 같은 점들 위에서 같은 모델을, 같은 초기 가중치에서, 같은 최적화 방법으로, 한 스텝씩 함께 학습합니다. 다른 점은 하나뿐입니다: 오른쪽은 정규화합니다. 기본으로는 입력을 <strong>표준화</strong>합니다 — 특성마다 학습 데이터의 평균 μ 를 빼고 학습 데이터의 퍼짐 σ 로 나눕니다 (테스트 점에도 같은 μ 와 σ 를 씁니다). 마지막 문단은 <em>오른쪽</em>의 다른 선택에 대한 것입니다.",
  "lab-lesson-2": "은닉층이 없으면 모델은 로지스틱 회귀이고, “가중치 두 개” 는 w₁ 과 w₂ 에 대한 <strong>정확한 비용</strong>을 같은 축척으로 보여 줍니다. x₂ 를 100배로 늘이면 비용은 w₁ 방향보다 w₂ 방향으로 약 100² = 10 000 배 더 가파르게 휩니다: 등고선이 <strong>길고 가는 타원</strong>이 됩니다 (입력의 κ ≈ 6 × 10⁴). 경사 하강법은 좁은 골짜기를 가로질러 움직입니다: 골짜기를 따라 나아갈 만큼 큰 스텝은 골짜기를 가로질러 지나쳐 버리므로 (α = 0.3 에서는 대개 원본 쪽 손실이 높게 남습니다), 스텝은 아주 작아야 하고 진행은 기어가듯 느립니다. 표준화하고 나면 등고선이 <strong>훨씬 둥글어집니다</strong> (κ ≈ 5 — 이 두 특성은 서로 상관되어 있고, 표준화는 이를 되돌리지 않습니다): 기울기가 거의 최솟값을 가리키고, 훨씬 큰 스텝으로 거의 곧장 갑니다.",
  "lab-lesson-3": "<strong>κ</strong> = λ<sub>max</sub>/λ<sub>min</sub> 은 늘어진 정도를 잽니다. 선형 모델과 로지스틱 모델에서 비용 함수의 헤세 행렬은 편향을 포함한 x̃ = (x₁, x₂, 1) 의 이차 모멘트 E[x̃x̃ᵀ] 로 정해지므로, 서로 다른 스케일<em>과</em> 0 에서 먼 평균이 모두 κ 를 키웁니다 (“두 특성 모두 +8 만큼 이동” 을 골라 보세요: 공분산의 κ 는 그대로지만 편향을 포함한 κ 는 약 200배 커집니다). 최악의 경우 경사 하강법에 필요한 스텝 수는 κ 에 비례합니다: 가장 좋은 고정 스텝에서 이차 비용 함수의 오차는 스텝마다 <strong>(κ − 1)/(κ + 1)</strong> 배로 줄어듭니다 — 여기 원본 입력에서는 1 − 3 × 10⁻⁵, 표준화하면 0.6 입니다. “지금의” 헤세 행렬의 κ 는 현재 가중치에서 점마다 σ′(z) 로 가중하므로, 점들이 시그모이드의 평평한 끝에 있는 동안에는 훨씬 작습니다. 표준화는 특성마다 따로 스케일을 맞출 뿐이라서 회전은 되돌리지 못합니다: “상관됨” 특성에서는 양쪽 모두 κ 가 높게 남습니다.",
  "lab-lesson-4": "학습률 하나로는 양쪽에 공정할 수 없습니다: 표준화한 입력에 맞는 학습률은 대개 원본 쪽을 골짜기 양편으로 튕겨 내고 (손실이 높게 남습니다), 원본 쪽에 맞을 만큼 작은 학습률로는 표준화 쪽이 기어가듯 느립니다. <strong>공정한 학습률</strong>은 양쪽에 각자 가장 좋은 안정적인 학습률을 주고 (은닉층이 없으면 헤세 행렬의 상한으로부터 2/(λ<sub>max</sub> + λ<sub>min</sub>), 있으면 짧은 탐색으로) 처음부터 다시 시작합니다: 양쪽이 목표 손실에 닿는 데 필요한 스텝 수를 비교해 보세요 — 원본 쪽이 거의 언제나 더 많이, 대개는 훨씬 더 많이 필요합니다.",
  "lab-lesson-5": "<strong>모든 층을 정규화</strong> (<em>오른쪽</em>) 는 입력을 원본 그대로 두고 대신 신경망 안에서 정규화합니다: 모든 은닉층이 활성 함수에 넣기 전에 <i>z</i> 를 배치에 대해 표준화합니다 (배치 정규화. 은닉층이 없으면 정규화할 것이 없으므로, 이것을 고르면 신경망에 유닛 8개짜리 tanh 층 두 개가 생깁니다). x₂ × 100 에서는 원본 쪽 첫 층의 유닛 대부분이 처음부터 포화되어 있고, α = 0.3 에서 업데이트 5000번 뒤에도 손실이 여전히 0.2–0.3 입니다. 정규화하면 포화된 것은 많아야 3 % 정도이고, 손실은 대개 수백 번의 업데이트 만에 0.1 아래로 내려갑니다. 하지만 늘어난 스케일을 되돌리지는 못합니다: 첫 층의 가중치에게 x₂ 는 여전히 x₁ 보다 백 배 크고, 더 큰 스텝도 거의 도움이 되지 않습니다 (α = 1 이나 3 에서는 대개 업데이트가 그와 비슷하게, 또는 더 많이 필요합니다). 반면 표준화 쪽은 대개 α = 0.3 에서 수십 번, α = 3 에서 몇 번 만에 0.1 아래로 내려갑니다. 반대로 평행 이동은 완전히 없애 줍니다: “두 특성 모두 +8 만큼 이동” 에서는 표준화 쪽에 뒤지지 않습니다 (원본 쪽은 업데이트 5000번 뒤에도 0.1 아래로 내려가지 못합니다).",
  "lab-footer": "주황색은 클래스 0, 파란색은 클래스 1 입니다. 곡면, 경로, 조건수, 학습률은 모두 WebAssembly 로 컴파일된 Rust 코어가 계산하고, 이 페이지는 그리기만 합니다. 주소창에 모든 설정이 들어 있어서 링크를 열면 같은 화면이 나옵니다 (iframe 에 넣으려면 <code>embed=1</code> 을 추가하세요).",
}, [
  [/^Fair learning rate for this side \((\w+)\)$/, (m, method) => `이쪽에 맞춘 학습률 (${METHOD[method] ?? method})`],
  // "Raw inputs: α = 1.4e-4 (hessian) · Standardized inputs: α = 4 (hessian)"
  [/^(Raw inputs|Standardized inputs|Every layer normalized): α = .+$/, (text) => text
    .replace(/(Raw inputs|Standardized inputs|Every layer normalized): /g, (m, side) => `${SIDE[side]}: `)
    .replace(/\((hessian|sweep)\)/g, (m, method) => `(${METHOD[method]})`)],
  [/^(w[₁₂]) of unit (\d+) \(weight of (x[₁₂])\)$/, "유닛 $2 의 $1 ($3 의 가중치)"],
  [/^b of unit (\d+) \(bias\)$/, "유닛 $1 의 b (편향)"],
  // captions: what the plane is, then its bands
  [/^Plane of the path's two principal directions \((.+) and (.+) of its variance\)\.$/,
    "경로의 두 주성분 방향이 이루는 평면 (분산의 $1 와 $2)."],
  [/^Plane of the Hessian's two top eigenvectors: λ₁ = (.+?), λ₂ = (.+?), κ of the plane (.+)\.$/,
    "헤세 행렬의 두 고유벡터가 이루는 평면: λ₁ = $1, λ₂ = $2, 이 평면의 κ $3."],
  [/^Input weights of hidden unit (\d+); every other parameter at its current value\.$/,
    "은닉 유닛 $1 의 입력 가중치 (나머지 변수는 모두 현재 값)."],
  [/^Input weights of hidden unit (\d+); every other parameter at its current value\. Normalized, the cost is the same all along each ray from the origin: scaling the unit's weights scales its z, which the normalization divides back out\.$/,
    "은닉 유닛 $1 의 입력 가중치 (나머지 변수는 모두 현재 값). 정규화하면 원점에서 뻗는 반직선을 따라 비용이 어디서나 같습니다: 유닛의 가중치에 배율을 곱하면 z 에도 곱해지고, 정규화가 그것을 다시 나누어 없애기 때문입니다."],
  [/^(?:(.*\.) )?(\d+) log-spaced bands of J from (\S+) to (\S+)\.$/,
    (m, what, n, lo, hi) => `${what ? `${ko(what)} ` : ""}J 를 로그 간격으로 나눈 띠 ${n}개 (${lo} ~ ${hi}).`],
]);
