/* Starts GOV.UK Frontend's components (skip link, accordions, details, error summary…) on every page. */
import { initAll } from './govuk-frontend.min.js'

initAll()
