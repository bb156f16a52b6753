/**
 * Adds the German texts of file import and export to the catalogue. They are not part of the page
 * bundle: every module that shows them imports this file, so they arrive with the dialogs' chunks.
 */
import { interopDe } from './interop.de.js';
import { addGermanMessages } from './messages.js';

addGermanMessages(interopDe);
