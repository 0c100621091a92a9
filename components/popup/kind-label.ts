/** Finding kinds in the UI's language. Written out key by key so the i18n test sees every key. */
import type { Kind } from '../../lib/scan/types';
import { t } from '../options/i18n';

const LABELS: Record<Kind, () => string> = {
  'cn-id': () => t('kind_cn_id'),
  phone: () => t('kind_phone'),
  'bank-card': () => t('kind_bank_card'),
  classification: () => t('kind_classification'),
  'internal-marker': () => t('kind_internal_marker'),
  passport: () => t('kind_passport'),
  'hk-macau-pass': () => t('kind_hk_macau_pass'),
  email: () => t('kind_email'),
  'uscc-individual': () => t('kind_uscc_individual'),
  'word-artifact': () => t('kind_word_artifact'),
  'custom-word': () => t('kind_custom_word'),
};

export function kindLabel(kind: Kind): string {
  return LABELS[kind]?.() ?? kind;
}
