/**
 * Korean of the playground (index.html) and of the modules it draws with: the
 * readouts, the network diagram, the data tools, the core's messages. The
 * custom element <nn-playground> uses the same strings, so importing this
 * module only adds strings; a page that is fully translated says so with
 * `markTranslated()`. (English is the key: see js/i18n.js.)
 */
import { addStrings } from "../core/i18n.js";
import "../shell/ko.js";

/** Unit names inside a longer text (the diagram's tooltips). */
const units = (text) => text
  .replace(/\blayer (\d+), unit (\d+)/gi, "층 $1, 유닛 $2")
  .replace(/\boutput unit, class (\d+)/gi, "출력 유닛, 클래스 $1")
  .replace(/\boutput unit\b/gi, "출력 유닛")
  .replace(/\bunit (\d+)/g, "유닛 $1")
  .replace(/… (\d+) more/g, "… $1개 더")
  .replace(/ · (sigmoid|softmax|linear)$/, (m, a) => ` · ${{ sigmoid: "시그모이드", softmax: "소프트맥스", linear: "선형" }[a]}`);

addStrings({
  "nn-playground — train a small neural network in your browser": "nn-playground — 브라우저에서 작은 신경망을 학습시켜 보세요",

  // header
  "Training controls": "학습 조작",
  "Reset the network (same seed, same initial weights)": "네트워크 초기화 (같은 시드, 같은 초기 가중치)",
  "Reset": "다시 시작",
  "Play / pause training (space)": "학습 재생 / 일시정지 (스페이스)",
  "Play": "재생",
  "Pause": "일시정지",
  "Pause training (space)": "학습 일시정지 (스페이스)",
  "Play: train continuously (space)": "재생: 계속 학습 (스페이스)",
  "One mini-batch update": "미니 배치 한 번 업데이트",
  "Step": "스텝",
  "Speed": "속도",
  "Mini-batch updates per animation frame": "애니메이션 프레임마다 하는 미니 배치 업데이트 수",
  "max (8 ms per frame)": "최대 (프레임당 8 ms)",
  "100 steps / frame": "100 스텝 / 프레임",
  "10 steps / frame": "10 스텝 / 프레임",
  "5 steps / frame": "5 스텝 / 프레임",
  "1 step / frame": "1 스텝 / 프레임",
  "Epoch": "에포크",
  "Steps": "스텝",
  "The page cannot train without it. Build it with: wasm-pack build --target web --out-dir www/pkg":
    "이것 없이는 학습할 수 없습니다. 다음 명령으로 빌드하세요: wasm-pack build --target web --out-dir www/pkg",

  // training settings
  "Training settings": "학습 설정",
  "Batch size = the whole training set (full-batch gradient descent)": "배치 크기 = 학습 데이터 전체 (전체 배치 경사 하강법)",
  "Full": "전체",
  "1 … all training examples": "1 … 학습 데이터 전체",
  "of all": "/ 전체",

  // data column
  "Data": "데이터",
  "New random seed: new data, new initial weights": "새 무작위 시드: 새 데이터, 새 초기 가중치",
  "Regenerate": "다시 생성",
  "Feature distortion": "특성 왜곡",
  "x′ = rotate(x · scale) + offset, per feature": "특성마다 x′ = 회전(x · 배율) + 오프셋",

  // network column
  "Network": "네트워크",
  "comma-separated; empty = no hidden layer": "쉼표로 구분; 비우면 은닉층 없음",
  "Show gradients": "기울기 보기",
  "∂J/∂w of the last update, instead of the weights": "가중치 대신 마지막 업데이트의 ∂J/∂w",
  "Each unit shows its output over the input plane. Links:": "각 유닛은 입력 평면 위에서의 출력을 보여 줍니다. 연결:",
  "positive": "양수",
  "negative": "음수",
  ", thicker = larger |value|. Hover or focus a unit (arrow keys move) for exact values. Press an input to add or remove that feature.":
    ", 굵을수록 |값|이 큽니다. 정확한 값은 유닛에 마우스를 올리거나 포커스하세요 (화살표 키로 이동). 입력을 누르면 그 특성을 넣거나 뺍니다.",
  "Network diagram": "네트워크 그림",
  "Add a hidden layer": "은닉층 추가",
  "Remove the last hidden layer": "마지막 은닉층 제거",
  "No hidden layer (logistic regression)": "은닉층 없음 (로지스틱 회귀)",
  "No hidden layer (linear regression)": "은닉층 없음 (선형 회귀)",
  "1 hidden layer": "은닉층 1개",
  "Input": "입력",
  "Output": "출력",
  "raw": "원본",
  "standardized": "표준화됨",
  "sigmoid": "시그모이드",
  "linear": "선형",
  "leaky ReLU": "Leaky ReLU",
  "Add a unit": "유닛 추가",
  "Remove a unit": "유닛 제거",
  "1 unit": "유닛 1개",
  "Output unit": "출력 유닛",
  "softmax": "소프트맥스",
  "Input features: press one to add or remove it": "입력 특성: 누르면 넣거나 뺍니다",
  "Train a step to see its value.": "한 스텝 학습하면 값이 보입니다.",
  "Try this": "해 보세요",
  "Stretch x₂ by 50": "x₂ 를 50배로 늘이기",
  "lesson-1": "— 손실 곡면이 길고 가는 골짜기가 됩니다 (헤세 행렬의 κ ≈ 30 000). 학습률은 아주 작아야 하고 (0.0001 이면 벌써 발산) x₁ 방향으로는 거의 나아가지 않습니다 (1000 번 업데이트해도 w₁ 은 갈 길의 삼분의 일 정도만 갑니다). <em>입력 표준화</em>를 켜고 학습률을 0.1 로 하면 수십 번만 업데이트해도 손실이 0.001 아래로 내려갑니다.",
  "Eight sigmoid layers": "시그모이드 층 여덟 개",
  "lesson-2": "— 시그모이드의 기울기는 최대 ¼ 이라서, 역전파하는 동안 기울기가 사라집니다.",
  "Zero initialization": "0 으로 초기화",
  "lesson-3": "— 한 층의 모든 유닛이 계속 똑같습니다. 대칭이 깨지지 않습니다.",
  "Linear activations": "선형 활성 함수",
  "lesson-4": "— 선형 층을 아무리 쌓아도 하나의 선형 함수라서, 결정 경계는 직선으로 남습니다.",
  "Logistic regression on x₁², x₂² solves the circle": "x₁², x₂² 위의 로지스틱 회귀가 원을 풉니다",
  "lesson-squares": "— 은닉층이 없습니다. 특성 x₁², x₂² 에서는 원의 경계 x₁² + x₂² = r² 가 직선이므로, 업데이트 2000번 뒤에는 테스트 점이 모두 맞게 분류됩니다 (100 %). 같은 모델이 x₁, x₂ 에서는 우연 수준에 머뭅니다: 손실이 모든 점에 ½ 이라고 답할 때의 손실인 ln 2 ≈ 0.69 근처에 머물고, 정확도는 이 실행에서 약 30 % 이지만 이는 쓸모없는 직선이 어디에 놓였는지를 말해 줄 뿐입니다. 제곱을 먼저 계산한 다음, 다른 입력처럼 표준화합니다.",
  "Batch size 1": "배치 크기 1",
  "lesson-5": "— 업데이트마다 예제 하나만 보므로 미니 배치 손실이 매우 들쭉날쭉합니다. 배치 크기 100 과 비교해 보세요.",
  "Learning rate 10": "학습률 10",
  "lesson-6": "— 스텝이 최솟값을 지나쳐 손실이 줄지 않습니다. 0.3 이면 도달합니다.",
  "Three-arm spiral": "팔이 셋인 나선",
  "lesson-7": "— 클래스 셋, 팔 하나에 클래스 하나: 출력은 유닛 셋의 소프트맥스이고, 범주형 교차 엔트로피로 학습합니다. 6000 번 업데이트하면 테스트 점의 95 % 이상을 맞게 분류하고, 혼동 행렬을 보면 아직 어느 팔끼리 헷갈리는지 알 수 있습니다. 은닉층이 없으면 클래스 사이의 경계가 직선이어서 정확도가 40 % 아래에 머뭅니다.",

  // output column
  "Training loss": "학습 손실",
  "Test loss": "테스트 손실",
  "Training accuracy": "학습 정확도",
  "Test accuracy": "테스트 정확도",
  "Decision boundary: the network's output over the input plane, with the data points. With Add points on, a click adds a point.":
    "결정 경계: 입력 평면 위에서의 네트워크 출력과 데이터 점. 점 추가가 켜져 있으면 클릭할 때 점이 추가됩니다.",
  "Add points": "점 추가",
  "While on, a click on the plot adds a point (your data starts as a copy of the points shown)":
    "켜져 있는 동안 그래프를 클릭하면 점이 추가됩니다 (내 데이터는 보이는 점을 복사해서 시작합니다)",
  "The data stays as it is. To add points, press “Add points” under the plot.":
    "데이터는 그대로입니다. 점을 추가하려면 그래프 아래의 “점 추가”를 누르세요.",
  "The data is now yours: a copy of the points shown, edited.": "이제 내 데이터입니다: 보이던 점을 복사해서 고친 것입니다.",
  "Show test data": "테스트 데이터 보기",
  "Discretize output": "출력 이산화",
  "Each point of the plane in its class's colour (the most probable class; with two, class 1 where the output is at least ½), instead of shaded by the probability":
    "확률에 따른 음영 대신, 평면의 각 점을 그 클래스의 색으로 칠합니다 (확률이 가장 높은 클래스. 클래스가 둘이면 출력이 ½ 이상인 곳이 클래스 1)",
  "Loss curve: training, test and mini-batch loss per step": "손실 곡선: 스텝마다 학습, 테스트, 미니 배치 손실",
  "training": "학습",
  "test": "테스트",
  "mini-batch": "미니 배치",
  "log scale": "로그 스케일",
  "Loss axis": "손실 축",
  "auto": "자동",
  "log": "로그",
  "loss (log scale)": "손실 (로그 스케일)",
  "learning rate α": "학습률 α",
  "loss (linear scale)": "손실 (선형 스케일)",
  "step": "스텝",
  "loss": "손실",
  "Mini-batch loss noise": "미니 배치 손실의 노이즈",
  "(RMS around the moving average)": "(이동 평균 주위의 RMS)",
  "– (needs ≥ 21 recorded steps)": "– (기록된 스텝이 21개 이상 필요)",
  "Compare backpropagation with central finite differences": "역전파를 중앙 유한 차분과 비교합니다",
  "Gradient check": "기울기 검사",
  "Sharpness λmax": "날카로움 λmax",
  "The largest eigenvalue of the cost's Hessian here, from exact Hessian–vector products": "지금 비용 함수의 헤세 행렬이 갖는 가장 큰 고윳값 (정확한 헤세–벡터 곱으로 계산합니다)",
  "λmax {lambda}: full-batch gradient descent is stable here for α < {limit} ✓ (α = {alpha})": "λmax {lambda}: 여기서 전체 배치 경사 하강법은 α < {limit} 이면 안정적입니다 ✓ (α = {alpha})",
  "λmax {lambda}: full-batch gradient descent is stable here only for α < {limit} ✗ (α = {alpha})": "λmax {lambda}: 여기서 전체 배치 경사 하강법은 α < {limit} 일 때만 안정적입니다 ✗ (α = {alpha})",
  "The sharpness was not computed: {reason}": "날카로움을 계산하지 못했습니다: {reason}",
  "computing…": "계산 중…",
  "Track λmax on the loss chart": "손실 그래프에 λmax 추적",
  "with the line 2/α, about twice a second while training plays": "2/α 선과 함께, 학습이 재생되는 동안 1초에 두 번쯤",
  "λmax (sharpness)": "λmax (날카로움)",
  "2/α: full-batch gradient descent is stable below it": "2/α: λmax 가 이 선 아래에 있으면 전체 배치 경사 하강법이 안정적입니다",
  "λmax and 2/α": "λmax 와 2/α",
  "relative error: NaN": "상대 오차: NaN",
  "all {parameters} parameters, {points} points": "변수 {parameters}개 전부, 점 {points}개",
  "{checked} of {parameters} parameters sampled, {points} points": "변수 {parameters}개 중 {checked}개 표본, 점 {points}개",
  "{straddled} left out, their step crossing a kink": "{straddled}개는 차분 간격이 꺾인 점에 걸쳐 있어 제외",
  "The gradient check": "기울기 검사",
  "Fewer or smaller hidden layers make it fit.": "은닉층의 수나 크기를 줄이면 됩니다.",
  "The gradient check did not run: {reason}": "기울기 검사를 실행하지 못했습니다: {reason}",
  "footer": "주황색은 클래스 0 (또는 −1), 파란색은 클래스 1 (또는 +1) 입니다. 클래스가 더 있으면 초록색이 클래스 2, 빨간색이 3, 보라색이 4, 갈색이 5 입니다. 이 페이지의 모든 숫자는 WebAssembly 로 컴파일된 Rust 코어가 계산하고, 페이지는 그리기만 합니다. 주소창에 설정이 들어 있어서 링크를 열면 같은 화면이 나옵니다.",

  // your data, save
  "Your data": "내 데이터",
  "A click adds class": "클릭하면 추가할 클래스",
  "class {k} ({colour})": "클래스 {k} ({colour})",
  "orange": "주황",
  "blue": "파랑",
  "green": "초록",
  "red": "빨강",
  "purple": "보라",
  "brown": "갈색",
  "A click adds the value": "클릭하면 추가할 값",
  "Erase mode": "지우기 모드",
  "Press “Add points” under the plot, then click the plot to add a point, Shift-click for the next class; Alt-click or right-click removes the nearest point. With the keyboard: focus the plot, move with the arrow keys, Enter adds, Delete removes.":
    "그래프 아래의 “점 추가”를 누른 뒤 그래프를 클릭하면 점이 추가되고, Shift+클릭은 다음 클래스를 추가합니다. Alt+클릭이나 오른쪽 클릭은 가장 가까운 점을 지웁니다. 키보드: 그래프에 포커스하고 화살표 키로 움직인 뒤 Enter 로 추가, Delete 로 삭제합니다.",
  "Clear": "모두 지우기",
  "Import CSV": "CSV 가져오기",
  "Export CSV": "CSV 내보내기",
  "Save": "저장",
  "The decision boundary, the loss curves and the losses as one image": "결정 경계, 손실 곡선, 손실 값을 이미지 한 장으로",
  "Image (PNG)": "이미지 (PNG)",
  "The settings and every weight, to load again later": "설정과 모든 가중치 (나중에 다시 불러오기용)",
  "Model (JSON)": "모델 (JSON)",
  "A model saved with Model (JSON): the same network, the same predictions": "모델 (JSON) 로 저장한 모델: 같은 네트워크, 같은 예측",
  "Load a model": "모델 불러오기",
  "5000 points is the most a dataset can have.": "데이터셋에는 점을 5000개까지만 넣을 수 있습니다.",
  "No point near there to remove.": "그 근처에는 지울 점이 없습니다.",
  "Added a point at ({x}, {y}) with label {label}; {n} points.": "({x}, {y}) 에 레이블 {label} 인 점을 추가했습니다. 점 {n}개.",
  "Removed the point at ({x}, {y}); {n} points.": "({x}, {y}) 의 점을 지웠습니다. 점 {n}개.",
  "Cleared. Click the plot to add points (at least two).": "모두 지웠습니다. 그래프를 클릭해 점을 추가하세요 (두 개 이상).",
  "The link does not include your {n} points (it holds at most {max}): export them as CSV to share them.":
    "링크에는 점 {n}개가 들어가지 않습니다 (최대 {max}개). 공유하려면 CSV 로 내보내세요.",
  "Add at least two points to train a network.": "네트워크를 학습시키려면 점을 두 개 이상 추가하세요.",
  "{file} was not loaded, your points are unchanged. {message}": "{file} 을(를) 불러오지 않았습니다. 점은 그대로입니다. {message}",
  "Loaded {n} points from {file}. Their labels are not all class numbers 0 … {max}, so the problem type is now regression.":
    "{file} 에서 점 {n}개를 불러왔습니다. 레이블이 모두 클래스 번호 0 … {max} 가 아니어서 문제 유형을 회귀로 바꿨습니다.",
  "Point {n} has the label {label}, which is not one of the {classes} classes 0 … {max}: set Classes to {need} or more to load it.":
    "점 {n} 의 레이블 {label} 은(는) 클래스 {classes}개 (0 … {max}) 가운데 하나가 아닙니다. 불러오려면 클래스 수를 {need} 이상으로 하세요.",
  "Loaded {n} points from {file}.": "{file} 에서 점 {n}개를 불러왔습니다.",
  "{file} was not loaded: {message}": "{file} 을(를) 불러오지 않았습니다: {message}",
  "Loaded the model from {file} ({n} updates). The link holds its settings but not its weights.":
    "{file} 에서 모델을 불러왔습니다 (업데이트 {n}회). 링크에는 설정만 있고 가중치는 없습니다.",
  "of {n}": "/ {n}",
  "relative error {value} ✓ backprop matches finite differences": "상대 오차 {value} ✓ 역전파가 유한 차분과 일치합니다",
  "relative error {value} ✗ larger than 1e-6": "상대 오차 {value} ✗ 1e-6 보다 큽니다",

  // more than two classes: the field's hint, the boundary's key, the confusion matrix
  "3 or more: {datasets}": "3개 이상: {datasets}",
  "class": "클래스",
  "Confusion matrix": "혼동 행렬",
  "Points counted": "셀 점",
  "test data": "테스트 데이터",
  "training data": "학습 데이터",
  "predicted": "예측",
  "true": "실제",
  "Confusion matrix of the test data: one row per true class, one column per predicted class":
    "테스트 데이터의 혼동 행렬: 행마다 실제 클래스, 열마다 예측한 클래스입니다",
  "Confusion matrix of the training data: one row per true class, one column per predicted class":
    "학습 데이터의 혼동 행렬: 행마다 실제 클래스, 열마다 예측한 클래스입니다",
  "true class {r}, predicted {c}: {n} of the {all} points of class {r}": "실제 클래스 {r}, 예측 {c}: 클래스 {r} 의 점 {all}개 중 {n}개",
  "Diagonal: {right} of {total} points classified right ({accuracy})": "대각선: 점 {total}개 중 {right}개를 맞게 분류했습니다 ({accuracy})",

  // the custom element
  "Some attributes were not understood and use their defaults:": "일부 속성을 이해하지 못해 기본값을 사용합니다:",
  "unknown attribute": "알 수 없는 속성",
  "Decision boundary": "결정 경계",
  "Loss curve": "손실 곡선",
  "Not playing by itself: your system asks for reduced motion. Press Play to train.":
    "시스템이 움직임 줄이기를 요청해서 저절로 재생하지 않습니다. 학습하려면 재생을 누르세요.",

  // optimizer fields
}, [
  [/^(\d+) hidden layers$/, "은닉층 $1개"],
  [/^(\d+) units$/, "유닛 $1개"],
  [/^(\d+) more units$/, "유닛 $1개 더"],
  [/^Layer (\d+) units$/, "층 $1 의 유닛"],
  [/^Add a unit to layer (\d+)$/, "층 $1 에 유닛 추가"],
  [/^Remove a unit from layer (\d+)$/, "층 $1 에서 유닛 제거"],
  [/^Layer (\d+), unit (\d+)$/, "층 $1, 유닛 $2"],
  [/^1 … (\d+) \(all\)$/, "1 … $1 (전체)"],
  [/^W\[\d+\]: .+ → .+$/, units],
  [/^(Layer \d+, unit \d+|Output unit(, class \d+)?) · .+$/, units],
  [/^Output unit, class (\d+)$/, "출력 유닛, 클래스 $1"],
  [/^(.+): an input of the network\. Press to remove it\.$/, "$1: 네트워크의 입력입니다. 누르면 뺍니다."],
  [/^(.+): not an input\. Press to add it\.$/, "$1: 입력이 아닙니다. 누르면 넣습니다."],
  [/^(.+) is the only input left: add another feature before removing it\.$/, "$1 은(는) 남은 하나뿐인 입력입니다: 빼기 전에 다른 특성을 넣으세요."],
  [/^weight w = (.+)$/, "가중치 w = $1"],
  [/^gradient ∂J\/∂w = (.+)$/, "기울기 ∂J/∂w = $1"],
  [/^bias b = (.+)$/, "편향 b = $1"],
  [/^weights in: (.+)$/, (m, list) => `들어오는 가중치: ${units(list)}`],
  [/^∂J\/∂w in: (.+)$/, (m, list) => `들어오는 ∂J/∂w: ${units(list)}`],
  [/^after (\d+) steps$/, "$1 스텝 후"],
]);
