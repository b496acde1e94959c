/**
 * The file names a chat shows for what a person uploaded: screenshots and photos of the homework
 * (a phone's `.heic` among them) and the problem set's PDF. One list, so that every reader that
 * tells an upload from text knows the same kinds.
 */

/** The extensions of a picture a person posts, as a regular expression's alternatives. */
export const PICTURE_EXTENSIONS = 'png|jpe?g|gif|webp|heic|heif';

/** The extensions of any file a person uploads to a chat: a picture or a PDF. */
export const UPLOAD_EXTENSIONS = `${PICTURE_EXTENSIONS}|pdf`;
