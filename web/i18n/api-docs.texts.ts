/**
 * Adds the German texts of the API reference to the catalogue. Every module that shows them imports
 * this file, so they arrive with the page's chunk.
 */
import { apiDocsDe } from './api-docs.de.js';
import { addGermanMessages } from './messages.js';

addGermanMessages(apiDocsDe);
