// The language server's custom requests and notifications, as defined once on the server side.
export * from '../../shared/protocol';
