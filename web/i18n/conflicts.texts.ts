/**
 * Adds the German texts of the conflicts UI to the catalogue. They are not part of the page bundle:
 * every module that shows them imports this file (as it imports its CSS), so they arrive with its chunk.
 */
import { conflictsDe } from './conflicts.de.js';
import { addGermanMessages } from './messages.js';

addGermanMessages(conflictsDe);
