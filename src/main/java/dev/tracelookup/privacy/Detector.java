package dev.tracelookup.privacy;

import java.util.List;

/**
 * Finds one shape of secret or personal data in free text.
 *
 * <p>Implementations must take time linear in the text, whatever it holds, and should find nothing
 * in their own masks, so that the pass {@link Redactor#redact} makes to confirm its result finds
 * nothing new.
 */
interface Detector {
  /** Returns the stretches to mask, in any order; they may overlap. */
  List<Finding> find(String text);

  /** Returns what replaces one found stretch, given the original characters. */
  String mask(String found);
}
