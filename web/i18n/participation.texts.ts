/**
 * Adds the German texts of the public participation to the catalogue. They are not part of the page bundle:
 * every module that shows them imports this file (as it imports its CSS), so they arrive with its chunk.
 */
import { participationDe } from './participation.de.js';
import { addGermanMessages } from './messages.js';

addGermanMessages(participationDe);
