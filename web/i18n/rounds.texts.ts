/**
 * Adds the German texts of the conflict rounds to the catalogue. They are not part of the page bundle:
 * every module that shows them imports this file (as it imports its CSS), so they arrive with its chunk.
 */
import { roundsDe } from './rounds.de.js';
import { addGermanMessages } from './messages.js';

addGermanMessages(roundsDe);
