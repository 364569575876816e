/**
 * Korean of the lecture page, in the wording of the Korean study notes it
 * follows (English terms the notes keep are marked lang="en"). Blocks are
 * keyed by their data-i18n name, short texts by their English. (See js/i18n.js.)
 */
import { addStrings } from "../core/i18n.js";
import "../shell/ko.js";

const en = (text) => `<span lang="en">${text}</span>`;

addStrings({
  "Lecture 12: backpropagation and improving neural networks — nn-playground": "12강: 역전파와 신경망 개선 — nn-playground",
  "Stanford CS229 · Lecture 12": "Stanford CS229 · 12강",
  "Backpropagation and improving neural networks": "역전파와 신경망 개선",
  "Contents": "목차",
  "Backpropagation": "역전파",
  "Activation functions": "활성 함수",
  "Normalizing the inputs": "입력 정규화",
  "Vanishing and exploding gradients, initialization": "기울기 소실과 폭발, 초기화",
  "Mini-batch gradient descent": "미니 배치 경사 하강법",
  "Beyond the lecture": "강의 너머",
  "Sigmoid": "시그모이드",
  "Activation": "활성 함수",
  "Initialization": "초기화",
  "Variance of the weights": "가중치의 분산",
  "LeCun (constant 1)": "LeCun (상수 1)",
  "He (constant 2)": "He (상수 2)",
  "or": "또는",
  "Live: one update of a 3-layer network, stage by stage": "실시간: 3층 신경망의 업데이트 한 번을 단계별로",
  "Live: a network with linear activations on the circle dataset": "실시간: 원 데이터셋 위의, 선형 활성 함수를 쓰는 신경망",
  "Live: the loss surface before and after normalizing the inputs": "실시간: 입력 정규화 전후의 손실 곡면",
  "Live: a 10-layer linear network with W = 1.5·I": "실시간: W = 1.5·I 인 10층 선형 신경망",
  "Live: a 10-layer tanh network initialized too large": "실시간: 너무 크게 초기화한 10층 tanh 신경망",
  "Live: batch size 1": "실시간: 배치 크기 1",
  "Live: batch size 100": "실시간: 배치 크기 100",

  "intro": `${en("back propagation")}의 식을 계산하는 방식과, 신경망이 잘 학습되도록 돕는 것들 — 활성 함수, 입력 정규화, 알맞은 크기의 초기화, 미니 배치 — 을 정리한다. 이 페이지의 그림은 모두 살아 있다. 사이트의 다른 페이지와 같은 Rust 코어가 브라우저 안에서 학습시키는 신경망이다. 아무 그림에서나 <em>재생</em>을 눌러 보자.`,

  "bp-cost": `신경망은 비용 함수 (${en("cost function")}) <i>J</i> 에 대한 경사 하강법으로 학습된다. <i>J</i> 는 (미니) 배치의 예제 <i>m</i>개에 대한 손실 함수 (${en("loss function")}) <i>L</i> 의 평균이다. 출력이 시그모이드 <i>ŷ</i> 이고 레이블이 <i>y</i> ∈ {0, 1} 일 때, <i>L</i> 은 이진 교차 엔트로피이다:`,
  "bp-forward": "순전파는 입력 <i>x</i> 에서 시작해서 각 층을 바로 앞 층으로부터 계산한다:",
  "bp-update": "그리고 업데이트마다 각 변수를 학습률 <i>α</i> 만큼 기울기의 반대 방향으로 옮긴다. 이렇게 각 변수를 업데이트하는 방법을 알 수 있다:",
  "bp-chain": `강의는 3개의 층을 가지는 경우로 식을 정리한다. “${en("back propagation")}” 이므로 3 → 2 → 1 로 역순으로 가야 한다. 연쇄 법칙 (${en("chain rule")}) 을 이용하여 하나하나 역순으로, 바로 전에 구한 식을 다시 쓰며 유도한다. <i>W</i><sup>[2]</sup> 의 경우:`,
  "bp-sigmoid": "여기서 <i>g</i> 는 시그모이드 함수 <i>σ</i> 이며, 시그모이드 함수의 도함수는 간단한 꼴이다.",
  "bp-sized": "출력이 시그모이드이고 손실이 교차 엔트로피이면 앞의 두 인자는 <i>a</i><sup>[3]</sup> − <i>y</i> 로 정리된다. 하지만 이 순서로는 크기가 맞지 않게 연산을 한 것이므로, T (전치) 처리를 해서 연산 크기에 맞게 계산을 해준다면:",
  "bp-delta": "역순으로 전달되는 양을 <i>δ</i><sup>[<i>l</i>]</sup> = ∂<i>J</i>/∂<i>z</i><sup>[<i>l</i>]</sup> 라고 쓰자. 층마다 한 번, 바로 뒤 층으로부터 계산하며, 이렇게 역순으로 얻은 식을 바탕으로 현재 층의 도함수를 도출해낼 수 있다:",
  "bp-shapes": "예제 하나를 한 열로 놓으면 크기가 저절로 맞는다: <i>W</i><sup>[<i>l</i>]</sup> 는 <i>δ</i><sup>[<i>l</i>]</sup> (<i>a</i><sup>[<i>l</i>−1]</sup>)<sup>T</sup> 와 크기가 같다.",
  "bp-widget": "시그모이드 은닉층 두 개와 시그모이드 출력으로 된 신경망에서 경사 하강법 업데이트 한 번을 단계별로 본다: 순전파, <i>δ</i><sup>[3]</sup> = <i>a</i><sup>[3]</sup> − <i>y</i>, 그다음 바로 뒤 층으로부터 <i>δ</i><sup>[2]</sup> 와 <i>δ</i><sup>[1]</sup>, 기울기, 업데이트 — 모든 행렬과 그 크기까지.",
  "bp-check": "이 기울기가 맞는지는 어떻게 알까? 플레이그라운드의 <em>기울기 검사</em>는 모든 변수에 대해 중앙 유한 차분 (<i>J</i>(<i>θ</i> + <i>ε</i>) − <i>J</i>(<i>θ</i> − <i>ε</i>)) / 2<i>ε</i> 와 비교한다. 약 10<sup>−10</sup> 까지 일치한다.",

  "act-sigmoid": "0~1 사이의 값이 나오는 함수. 장점: 쓰기 쉽고, 확률로 읽을 수 있어서 분류에 쓰인다. 단점: 입력이 양극으로 클 때 기울기가 0 에 거의 수렴해서 역전파할 때 어렵다 (기울기 소실).",
  "act-relu": "<i>z</i> &gt; 0 이면 <i>z</i>, 아니면 0 으로 변형한다. 제일 자주 쓴다.",
  "act-tanh": "−1 ~ 1 의 그래프. 시그모이드의 단점과 동일하다 (포화된다).",
  "act-why": "활성 함수는 왜 필요할까? 아무리 다층으로 층을 쌓아도, 활성 함수가 없으면 정리하면 하나의 선형 함수 꼴로 변하게 된다:",
  "act-why-2": "깊은 선형 신경망은 직선 결정 경계밖에 그리지 못한다. 활성 함수를 이용하면 그렇지 않다. 비선형성 덕분에 층들이 곡선 경계를 만든다.",
  "act-widget": "유닛 8개짜리 은닉층이 두 개지만 활성 함수는 선형이다. <em>재생</em>을 누르면 경계는 직선으로 남고 정확도는 50 % 근처에 머문다. 활성 함수를 tanh 나 ReLU 로 바꾸고 다시 <em>재생</em>하면 신경망이 원을 감싼다.",

  "norm-center": `정규화 (${en("normalization")}) 는 계산에 용이하게 각 값을 미리 조절하는 것이다. 먼저 평균 <i>μ</i> 를 빼줌으로써, 데이터의 중앙을 원점으로 옮긴다:`,
  "norm-scale": "그다음 특성마다, 중앙을 맞춘 값들의 제곱을 평균 낸 <i>σ</i><sup>2</sup> 로 나누어 모든 특성의 스케일을 같게 만든다:",
  "norm-test": "테스트 데이터도 <em>학습</em> 데이터의 <i>μ</i> 와 <i>σ</i> 로 정규화한다. 신경망은 모든 입력을 학습할 때와 같은 방식으로 보아야 한다.",
  "norm-why": "왜 도움이 될까? 한 특성이 다른 특성보다 백 배 크면 비용 함수의 등고선이 길고 가는 타원이 된다. 경사 하강법은 골짜기를 가로질러 지그재그로 움직이고, 발산하지 않으려면 아주 작은 스텝이 필요하다. 정규화하면 등고선이 원에 가까워져서, 좌측 그래프에서 우측 그래프처럼 경사 하강법이 훨씬 큰 스텝으로 최솟값을 향해 곧장 간다. 정량적으로는 (LeCun 외, 1998) 필요한 스텝 수가 헤세 행렬의 조건수 <i>κ</i> 에 비례해 늘고, 가장 좋은 고정 스텝에서 오차는 스텝마다 (<i>κ</i> − 1)/(<i>κ</i> + 1) 배로 줄어든다:",
  "norm-widget": "같은 데이터, 같은 시드, 같은 신경망을 두 번, 특성 <i>x</i><sub>2</sub> 에 100 을 곱해서: 왼쪽은 원래 입력, 오른쪽은 표준화한 입력이다. 양쪽 모두 손실 곡면과 그 위에서 경사 하강법이 지나간 경로, 그리고 손실 곡선을 보여 준다. <em>재생</em>을 눌러 보자.",

  "init-product": "층을 만들 때 조심해야 하는 것이 기울기 소실 혹은 폭발이다. 활성 함수가 선형이고 편향이 없으면, 깊은 신경망의 출력은 가중치 행렬들의 곱이다:",
  "init-explode": "만약에 <i>W</i> 의 값들이 모두 1.5 라고 할 때, 처음에는 별일이 없지만 층의 개수가 커지면 폭발하게 되며, 반대로 0.5 라면 0 으로 수렴하게 된다. 같은 행렬들의 곱인 기울기도 마찬가지다:",
  "init-widget-toy": "강의의 장난감 예: <i>W</i> = 1.5·<i>I</i> 인 선형 층 10개. 띠 하나가 층 하나이고, 신호가 층마다 1.5 배로 커진다. 초기화 배율을 0.5 로 바꾸면 사라지고, 1 로 바꾸면 그대로 유지된다.",
  "init-fix": "이를 위해서 <i>W</i> 값을 각 층의 입력 개수 <i>n</i> 의 역수에 비례하게 설정해 놓으면, 각 층이 입력의 분산을 유지해서 폭발하거나 사라지는 것을 방지할 수 있다. 이러한 <i>W</i> 값의 조정은 어떠한 활성 함수를 이용하냐에 따라 차이가 있는데, 경험적으로 연구되어 왔다:",
  "init-uniform": "Xavier 초기화의 균등분포 버전은 다음에서 뽑는다",
  "init-zeros": "그리고 0 은 안 된다. 모든 가중치가 같은 값에서 시작하면 한 층의 모든 유닛이 같은 것을 계산하고 같은 기울기를 받아서 영원히 똑같이 남는다 — 대칭이 깨지지 않는다.",
  "init-widget-tanh": "N(0, 1) 에서 뽑은, 유닛 32개짜리 tanh 층 10개: 입력이 32개인 층에는 너무 커서 활성값이 ±1 에 포화되고 기울기는 역전파 도중에 사라진다. Xavier 를 골라 층별 히스토그램을 비교해 보자.",

  "mb-update": "업데이트마다 학습 데이터 전체로 기울기를 계산하는 대신, 미니 배치 경사 하강법은 한 번에 예제 <i>B</i>개로 된 작은 배치 <i>ℬ</i><sub><i>t</i></sub> 만 쓴다:",
  "mb-noise": "업데이트는 싸고 훨씬 자주 일어나지만, 하나하나는 데이터의 일부만 보므로 비용 함수가 그리 좋지 않게 나올 수 있음을 유의해야 한다. 곡선이 들쭉날쭉하고, 배치가 작을수록 더 심하다. 기울기 추정값의 분산이 1/<i>B</i> 처럼 줄기 때문이다:",
  "mb-widget-1": "배치 크기 1: 업데이트마다 예제 하나만 본다. 회색 미니 배치 손실이 사방으로 튄다.",
  "mb-widget-100": "배치 크기 100: 같은 신경망, 같은 데이터. 미니 배치 손실이 학습 손실을 바짝 따라간다.",

  "beyond": "<a href=\"index.html#lang=ko\">플레이그라운드</a>에는 이런 도구의 사용자가 기대하는 것들도 있다: 모멘텀과 Adam, L2 정규화, 기울기 검사, 그리고 직접 만든 데이터 — 그래프를 클릭해 점을 추가하거나 CSV 로 가져올 수 있다. 위의 그림을 포함한 모든 화면은 링크로 공유하고 다른 페이지에 임베드할 수 있다.",
  "lecture-footer": "Stanford CS229 12강 학습 노트를 바탕으로 했다. 이 페이지의 모든 숫자는 WebAssembly 로 컴파일된 Rust 코어가 계산한다.",
});
