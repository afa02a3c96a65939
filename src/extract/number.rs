//! Numbers as news writes them: digits with separators, decimals, number words,
//! magnitude words and suffixes. (Filled in by the Quantities issue.)
