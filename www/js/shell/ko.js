/**
 * Korean of what every page shares: the menu, the language switch, Share and
 * Embed, the banners. (English is the key: see js/i18n.js.)
 */
import { addStrings } from "../core/i18n.js";

addStrings({
  // menu and page tools
  "Pages": "페이지",
  "Playground": "플레이그라운드",
  "Backprop": "역전파",
  "Normalization": "정규화",
  "Initialization": "초기화",
  "Lecture": "강의",
  "Language": "언어",
  "Share": "공유",
  "Embed": "임베드",
  "Copy a link to this exact view": "지금 보이는 그대로의 화면 링크를 복사합니다",
  "Show the HTML that embeds this view in another page": "이 화면을 다른 페이지에 넣는 HTML을 보여 줍니다",
  "Link copied.": "링크를 복사했습니다.",
  "Share this view": "이 화면 공유하기",
  "The link holds every setting of this view. Copy it:": "링크에 이 화면의 모든 설정이 들어 있습니다. 복사하세요:",
  "Link": "링크",
  "Embed this view": "이 화면 임베드하기",
  "embed=1 shows only the widget; add controls=learningRate,dataset (hash keys) to keep just those controls, or controls=none.":
    "embed=1 은 위젯만 보여 줍니다. controls=learningRate,dataset 처럼 해시 키를 적으면 그 컨트롤만 남고, controls=none 이면 컨트롤이 모두 숨겨집니다.",
  "In an iframe": "iframe 으로",
  "As a custom element": "사용자 정의 요소로",
  "Copy": "복사",
  "Copied.": "복사했습니다.",
  "Selected: press Ctrl+C (⌘C on a Mac) to copy.": "선택되었습니다. Ctrl+C (Mac은 ⌘C) 를 눌러 복사하세요.",
  "Close": "닫기",
  "Skip to the playground": "플레이그라운드로 건너뛰기",
  "Skip to the article": "본문으로 건너뛰기",

  // banners
  "Settings rejected.": "설정이 거부되었습니다.",
  "The previous network keeps running.": "이전 네트워크가 계속 실행됩니다.",
  "Training diverged.": "학습이 발산했습니다.",
  "The loss is no longer finite.": "손실이 더 이상 유한하지 않습니다.",
  "Training stopped; the last finite state stays drawn. Lower the learning rate and press Reset.":
    "학습이 멈췄습니다. 마지막 유한한 상태가 그대로 그려져 있습니다. 학습률을 낮추고 초기화를 누르세요.",
  "Some link settings were not understood and use their defaults:": "링크의 일부 설정을 이해하지 못해 기본값을 사용합니다:",
  "Dismiss error": "오류 닫기",
  "Dismiss divergence notice": "발산 알림 닫기",
  "Dismiss notice": "알림 닫기",
  "The WebAssembly core did not load.": "WebAssembly 코어를 불러오지 못했습니다.",
  "The link's settings were replaced by the defaults.": "링크의 설정을 기본값으로 바꿨습니다.",

  // reasons a link setting falls back (js/state.js)
  "unknown setting": "알 수 없는 설정",
  "not a number": "숫자가 아님",
  "not a whole number": "정수가 아님",
  "needs two numbers": "숫자 두 개가 필요함",
  "not numbers": "숫자가 아님",
  "must be non-zero": "0이 아니어야 함",
  "not true/false": "true/false 가 아님",
  "not a list of whole numbers": "정수 목록이 아님",
  "not a list of numbers": "숫자 목록이 아님",
  "needs x,y,label triples": "x,y,label 세 개씩 필요함",
  "needs 2..5000 points": "점이 2~5000개 필요함",
  "unknown dataset": "알 수 없는 데이터셋",
  "unknown language": "알 수 없는 언어",
  "unknown problem type": "알 수 없는 문제 유형",
  "unknown normalization": "알 수 없는 정규화",
  "unknown activation": "알 수 없는 활성 함수",
  "unknown initialization": "알 수 없는 초기화",
  "unknown optimizer": "알 수 없는 최적화 방법",
  "unknown speed": "알 수 없는 속도",
  "unknown surface kind": "알 수 없는 곡면 종류",
  "unknown gradient view": "알 수 없는 기울기 보기",
  "not a list of control names": "컨트롤 이름 목록이 아님",
  "custom data needs its points in the link": "사용자 데이터는 링크에 점이 들어 있어야 함",
  "classification labels must be 0 or 1": "분류의 레이블은 0 또는 1 이어야 함",
}, [
  [/^below (.+)$/, "$1 보다 작음"],
  [/^above (.+)$/, "$1 보다 큼"],
  [/^must be > (.+)$/, "$1 보다 커야 함"],
  [/^must be < (.+)$/, "$1 보다 작아야 함"],
  [/^more than (\d+) layers$/, "층이 $1개보다 많음"],
  [/^layer sizes must be (.+)$/, "층의 크기는 $1 이어야 함"],
  [/^not a (classification|regression) dataset$/, (m, p) => `${p === "regression" ? "회귀" : "분류"} 데이터셋이 아님`],
]);
