import type { Rule } from '../lib/scan/types';
import cnId from './cn-id';
import cnIdLegacy from './cn-id-legacy';
import cnIdMasked from './cn-id-masked';
import bankCard from './bank-card';
import mobile from './mobile';
import landline from './landline';
import classification from './classification';
import internalMarker from './internal-marker';
import passport from './passport';
import hkMacauPass from './hk-macau-pass';
import usccIndividual from './uscc-individual';
import email from './email';
import wordArtifact from './word-artifact';

/**
 * Every rule Precheck runs, in priority order: when two findings overlap with the same severity,
 * the earlier rule wins (an 18-digit number that is a valid ID is reported as an ID, not a card).
 */
export const rules: readonly Rule[] = [
  cnId,
  cnIdLegacy,
  cnIdMasked,
  bankCard,
  mobile,
  landline,
  classification,
  internalMarker,
  passport,
  hkMacauPass,
  usccIndividual,
  email,
  wordArtifact,
];
