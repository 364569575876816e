/**
 * The element demo page: its header, and its Korean (the elements translate themselves).
 */
import { addStrings, markTranslated } from "../core/i18n.js";
import { renderHeader } from "../shell/header.js";
import { startNav } from "../shell/nav.js";

addStrings({
  "The <nn-playground> element — nn-playground": "<nn-playground> 요소 — nn-playground",
  "demo-title": "<code>&lt;nn-playground&gt;</code> 요소",
  "Attributes": "속성",
  "demo-intro": "어느 페이지든 모듈 스크립트 하나와 태그 하나로 플레이그라운드를 보여 줄 수 있다. 속성은 플레이그라운드 링크의 설정을 케밥 표기 (kebab-case) 로 쓴 것이다. 요소마다 자기만의 신경망, 캔버스, 학습 루프가 있어서 아래 두 개는 서로 독립적으로 학습한다.",
  "demo-spiral": "나선, 유닛 8개짜리 tanh 층 두 개, Adam.",
  "demo-xor": "XOR, 유닛 4개짜리 ReLU 층 하나, 한 번에 예제 하나로 하는 일반 SGD.",
  "demo-attributes": "플레이그라운드 링크의 모든 키를 케밥 표기로 쓸 수 있다: <code>dataset</code>, <code>problem</code>, <code>classes</code> (2 … 6, <code>dataset=\"gauss\"</code>, <code>\"spiral\"</code>, <code>\"pinwheel\"</code>, <code>\"custom\"</code> 과 함께), <code>samples</code>, <code>noise</code>, <code>train-fraction</code>, <code>seed</code>, <code>scale</code>, <code>offset</code>, <code>features</code>, <code>normalize</code>, <code>hidden</code>, <code>activation</code>, <code>batch-norm</code>, <code>init</code>, <code>init-scale</code>, <code>optimizer</code>, <code>learning-rate</code>, <code>lr-schedule</code>, <code>warmup-steps</code>, <code>decay-steps</code>, <code>decay-rate</code>, <code>batch-size</code>, <code>l2</code>, <code>l1</code>, <code>momentum</code>, <code>beta1</code>, <code>beta2</code>, <code>epsilon</code>, <code>points</code> (<code>dataset=\"custom\"</code> 과 함께), <code>show-test-data</code>, <code>log-scale</code>, <code>speed</code>, <code>discretize</code>. 값은 링크에서처럼 쓴다 (<code>hidden=\"8,8\"</code>, <code>scale=\"1,100\"</code>, <code>features=\"x1Squared,x2Squared\"</code>: <code>x1</code>, <code>x2</code>, <code>x1Squared</code>, <code>x2Squared</code>, <code>x1x2</code>, <code>sinX1</code>, <code>sinX2</code> 중 아무것이나). <code>autoplay</code> 는 바로 학습을 시작하고 (읽는 사람의 시스템이 움직임 줄이기를 요청하면 재생을 누를 때까지 기다리며 그렇다고 알려 준다), <code>lang=\"ko\"</code> 는 요소를 한국어로 보여 준다. 이해할 수 없는 값은 기본값으로 돌아가고, 요소가 그 사실을 알려 준다.",
  "demo-api": "스크립트에서는 <code>play()</code>, <code>pause()</code>, <code>step(n)</code>, <code>reset()</code> 과 읽기 전용 <code>playing</code>, <code>report</code> (마지막 스텝의 손실), <code>config</code>, <code>playground</code> 를 쓸 수 있다. 속성을 바꾸면 새 신경망을 만든다.",
});

markTranslated();
renderHeader({ article: true, skip: { text: "Skip to the article", target: "article" } });
startNav();
