// An answer in another script is not graded as English: it is flagged "not-english" and told that
// the scorer grades English, rather than scored on its length and called a list of terms.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { nonAnswer, notLatinScript } from '../../src/scoring/rubric/guards.js';
import { score } from '../../src/scoring/score.js';
import { fixture } from '../helpers.js';

const kpi = loadScenario(fixture('scenarios/good/minimal.yaml')).rubrics.kpi!;

const ANSWERS = {
  hindi:
    'मैं सबसे महत्वपूर्ण KPI के रूप में 60 दिन की रिपीट खरीद दर चुनूंगा, क्योंकि यह दिखाता है कि ग्राहक हम पर भरोसा करके दोबारा लौटते हैं। ' +
    'जीएमवी या इंस्टॉल को पैसे से खरीदा जा सकता है, लेकिन दूसरा ऑर्डर असली मूल्य दिखाता है। मैं केवल डिलीवर किए गए ऑर्डर गिनूंगा।',
  russian:
    'Я бы выбрал долю покупателей, которые делают второй заказ в течение 60 дней, потому что она показывает, что клиенты нам доверяют и возвращаются. ' +
    'Установки и GMV можно купить рекламой, а повторный заказ нельзя.',
  chinese: '我会选择六十天内的复购率作为最重要的指标，因为它说明顾客信任我们并且愿意再次购买。下载量和成交总额可以靠广告买来，但复购不行。',
  arabic:
    'سأختار معدل الشراء المتكرر خلال ستين يومًا، لأنه يبين أن العملاء يثقون بنا ويعودون. يمكن شراء التنزيلات بالإعلانات، أما الطلب الثاني فلا.',
};

describe('notLatinScript', () => {
  it.each([
    ['', false],
    ['60 / 90 — 42%', false],
    ['Crème brûlée, naïve café, résumé, Ærø, Łódź', false],
    ['My KPI is the repeat rate; in Hindi we say दोबारा, "again".', false],
    ['Привет мир', true],
    ['KPI: दोबारा खरीद दर', true],
    ['中文回答', true],
  ])('%j → %s', (text, expected) => {
    expect(notLatinScript(text)).toBe(expected);
  });
});

describe('an answer not in English', () => {
  it.each(Object.entries(ANSWERS))('%s: not graded, and the feedback says the scorer grades English', (_, answer) => {
    const s = score(kpi, answer);
    expect(nonAnswer(answer)).toBe('not-english');
    expect(s.flags.nonAnswer).toBe('not-english');
    expect(s.total).toBe(0);
    expect(s.feedback.summary).toBe(
      'The scorer grades answers in English, and most of this one is in another script, so it was not graded and earns no credit. Answer in English for a score and feedback.',
    );
    expect(s.feedback.summary).not.toMatch(/list of terms/);
    expect(s.feedback.strengths).toEqual([]);
    expect(s.feedback.improvements).toEqual([]);
  });

  it('an English answer with accents or a quoted word in another script is graded as before', () => {
    for (const answer of [
      'My KPI is the weekly repeat purchase rate at our café chain, because repeat customers show the product works and pay back acquisition.',
      'My KPI is the weekly repeat purchase rate — in Hindi, दोबारा खरीद — because repeat customers show the product works and pay back acquisition.',
    ]) {
      const s = score(kpi, answer);
      expect(s.flags.nonAnswer).toBeUndefined();
      expect(s.total).toBeGreaterThan(0);
    }
  });
});
