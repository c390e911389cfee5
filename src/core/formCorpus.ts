/**
 * The prepared sources as the cross-source stages see them: every sentence's form as a number,
 * and every compared form's place in the analyzer's form space.
 */
import type { FormIds, FormSpace } from './forms';
import type { SpaceId } from './ids';
import type { PreparedSource } from './types';

/** Per form id, its space id, or -1 for a form no cross-source stage compares. */
export type SpaceIdOfForm = Int32Array & { readonly [form: number]: SpaceId };

/** The prepared sources with every sentence's form as a number. */
export interface FormCorpus {
  readonly prepared: readonly PreparedSource[];
  /** Per source, the form id of each prepared sentence. */
  readonly formIds: readonly FormIds[];
  /** The forms, by form id. */
  readonly forms: readonly string[];
  /** The analyzer's form space, and the space id there of each compared form of this corpus. */
  readonly formSpace: FormSpace;
  readonly spaceIds: SpaceIdOfForm;
}
