// Every API operation module. Each registers its operations when loaded; lib/api/openapi.ts loads
// this file so the document lists them all. A new resource module is added here.
import './me';
import './departments';
import './tasks';
import './people';
import './conferences';
import './conference-parts';
import './actions';
import './reports';
