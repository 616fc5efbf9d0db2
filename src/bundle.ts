/**
 * Entry of dist/partnership-widgets.js, the self-contained script for CMS
 * pages: registers every element. No exports (npm users import the modules).
 */
import './index.js';
