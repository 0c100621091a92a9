/** 规则: every rule with what it finds, its setting, the allow-list and the unit's own words. */
import { useState } from 'react';
import { normalizeEmail, normalizePhone } from '../../lib/policy/allow-list';
import { effectiveRuleSetting, RULE_IDS, type FullRuleSetting } from '../../lib/policy/rule-ids';
import type { CustomWord, Policy } from '../../lib/policy/schema';
import type { Severity } from '../../lib/scan/types';
import { rules } from '../../rules';
import { pick, terms } from '../../lib/i18n';
import { RuleTry } from './RuleTry';
import { isLocked, LockableGroup, patchAt, removeAt, SaveBar, useDraft, useSaver, type SectionProps } from './shared';
import { t } from './strings';

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];

function SeveritySelect({ value, onChange, label }: { value: Severity; onChange: (v: Severity) => void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Severity)}>
      {SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {terms().severity[s]}
        </option>
      ))}
    </select>
  );
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

interface Draft {
  rules: Record<string, FullRuleSetting>;
  phones: string;
  emails: string;
  customWords: CustomWord[];
}

function draftOf(policy: Policy): Draft {
  return {
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, effectiveRuleSetting(policy.rules, id)])),
    phones: policy.allowList.phones.join('\n'),
    emails: policy.allowList.emails.join('\n'),
    customWords: policy.customWords,
  };
}

function RuleRow({ ruleId, setting, onChange }: { ruleId: string; setting: FullRuleSetting; onChange: (s: FullRuleSetting) => void }) {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) return null;
  const title = pick(rule.title);
  return (
    <tr>
      <td>
        <strong>{title}</strong>
        {/* A description quotes the words it looks for as drafts have them (身份证号, [bookmark: _GoBack]). */}
        <p className="hint" data-cites-draft-text="">
          {pick(rule.description)}
        </p>
        <details>
          <summary>{t('rules_examples')}</summary>
          <p>{t('rules_flagged')}</p>
          <ul>
            {rule.examples.flagged.map((e) => (
              <li key={e}>
                <pre translate="no">{e}</pre>
              </li>
            ))}
          </ul>
          <p>{t('rules_quiet')}</p>
          <ul>
            {rule.examples.quiet.map((e) => (
              <li key={e}>
                <pre translate="no">{e}</pre>
              </li>
            ))}
          </ul>
        </details>
      </td>
      <td>
        <input type="checkbox" aria-label={`${title} ${t('rules_enabled')}`} checked={setting.enabled} onChange={(e) => onChange({ ...setting, enabled: e.target.checked })} />
      </td>
      <td>
        <SeveritySelect label={`${title} ${t('rules_severity')}`} value={setting.severity} onChange={(severity) => onChange({ ...setting, severity })} />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${title} ${t('rules_overridable')}`}
          checked={setting.overridable}
          onChange={(e) => onChange({ ...setting, overridable: e.target.checked })}
        />
      </td>
    </tr>
  );
}

function CustomWords({ words, onChange }: { words: CustomWord[]; onChange: (w: CustomWord[]) => void }) {
  const [word, setWord] = useState('');
  const set = (i: number, patch: Partial<CustomWord>) => onChange(patchAt(words, i, patch));
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th>{t('words_word')}</th>
            <th>{t('rules_severity')}</th>
            <th>{t('words_note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {words.map((w, i) => (
            <tr key={i}>
              <td>
                <input aria-label={t('words_word')} value={w.word} onChange={(e) => set(i, { word: e.target.value })} />
              </td>
              <td>
                <SeveritySelect label={t('rules_severity')} value={w.severity} onChange={(severity) => set(i, { severity })} />
              </td>
              <td>
                <input aria-label={t('words_note')} value={w.note ?? ''} onChange={(e) => set(i, e.target.value === '' ? { note: undefined } : { note: e.target.value })} />
              </td>
              <td>
                <button type="button" onClick={() => onChange(removeAt(words, i))}>
                  {terms().action.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <input aria-label={t('words_new')} placeholder={t('words_new')} value={word} onChange={(e) => setWord(e.target.value)} />{' '}
      <button
        type="button"
        disabled={word.trim() === ''}
        onClick={() => {
          onChange([...words, { word: word.trim(), severity: 'warn' }]);
          setWord('');
        }}
      >
        {terms().action.add}
      </button>
    </>
  );
}

export function RulesSection(props: SectionProps) {
  const { state } = props;
  const saver = useSaver(props);
  const [draft, setDraft] = useDraft(draftOf(state.policy));
  const locked = { rules: isLocked(state, 'rules'), allowList: isLocked(state, 'allowList'), customWords: isLocked(state, 'customWords') };

  function save() {
    const patch: Partial<Policy> = {};
    if (!locked.rules) patch.rules = draft.rules;
    if (!locked.allowList) patch.allowList = { phones: lines(draft.phones).map(normalizePhone), emails: lines(draft.emails).map(normalizeEmail) };
    if (!locked.customWords) patch.customWords = draft.customWords.map((w) => ({ ...w, word: w.word.trim() }));
    void saver.save(patch);
  }

  return (
    <section id="rules">
      <h2>{t('section_rules')}</h2>
      <LockableGroup title={t('rules_rules')} locked={locked.rules}>
        <table className="table">
          <thead>
            <tr>
              <th>{t('rules_rule')}</th>
              <th>{t('rules_enabled')}</th>
              <th>{t('rules_severity')}</th>
              <th>{t('rules_overridable')}</th>
            </tr>
          </thead>
          <tbody>
            {RULE_IDS.map((id) => (
              <RuleRow
                key={id}
                ruleId={id}
                setting={draft.rules[id] ?? effectiveRuleSetting({}, id)}
                onChange={(s) => setDraft({ ...draft, rules: { ...draft.rules, [id]: s } })}
              />
            ))}
          </tbody>
        </table>
      </LockableGroup>
      <RuleTry settings={draft.rules} />
      <LockableGroup title={t('rules_allow_list')} locked={locked.allowList}>
        <p className="hint">{t('rules_allow_list_hint')}</p>
        <label className="col">
          {t('rules_allow_phones')}
          <textarea value={draft.phones} onChange={(e) => setDraft({ ...draft, phones: e.target.value })} rows={4} />
        </label>
        <label className="col">
          {t('rules_allow_emails')}
          <textarea value={draft.emails} onChange={(e) => setDraft({ ...draft, emails: e.target.value })} rows={3} />
        </label>
      </LockableGroup>
      <LockableGroup title={t('rules_custom_words')} locked={locked.customWords}>
        <CustomWords words={draft.customWords} onChange={(customWords) => setDraft({ ...draft, customWords })} />
      </LockableGroup>
      <SaveBar saver={saver} onSave={save} disabled={locked.rules && locked.allowList && locked.customWords} />
    </section>
  );
}
