/**
 * Adds the German texts of the notes to the catalogue. They are not part of the page bundle:
 * every module that shows them imports this file (as it imports its CSS), so they arrive with its chunk.
 */
import { annotationsDe } from './annotations.de.js';
import { addGermanMessages } from './messages.js';

addGermanMessages(annotationsDe);
