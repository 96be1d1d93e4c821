// Tests run outside React's server environment; "server-only" only guards bundles.
export {};
