/**
 * Words that head a write-up's own lines: what follows them (an answer, a proof, a note, a
 * step), or the question and part they answer. Such a line never heads the person's turns.
 */
export const STRUCTURE =
  /^(?:question|questions|problem|problems|exercise|task|part|parts|q|solution|solutions|answer|answers|final|final answer|section|step|steps|case|example|proof|lemma|theorem|claim|figure|table|appendix|note|notes|remark|hint|given|find|show|work|result|results|summary|conclusion|check|verification|setup|method|approach|derivation|explanation|reasoning|analysis|overview|intuition|definition|definitions|input|output|code|where|so|then|thus|hence|therefore|also|and|or|but|if|yes|no)$/i;
