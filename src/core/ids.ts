/**
 * The id spaces of the analysis. Several numberings meet in the cross-source passes (a form's
 * number, its number in the token space, a wording's index); each is a
 * branded number so that handing one where another is meant does not compile. A brand costs
 * nothing at run time: an id is a plain number, and `as` turns a checked number into one.
 */
declare const brand: unique symbol;

/** A number tagged with the id space it belongs to. */
type Id<Space extends string> = number & { readonly [brand]: Space };

/** A distinct compared form, numbered by the analyzer's `FormNumbering`. */
export type FormId = Id<'form'>;
/** A profile in the token space of the analyzer's `FormSpace` (forms the similarity passes can meet). */
export type SpaceId = Id<'space'>;
/** A wording of one alignment, its index in canonical order. */
export type WordingId = Id<'wording'>;
