/* global window, document, fetch */
// The API explorer's page script (served at /explorer/explorer.js by explorerRoutes.ts): GraphiQL
// with the operations of schema/operations as tabs and the API schema's documentation open.
(function start() {
  'use strict';
  var React = window.React;
  var ReactDOM = window.ReactDOM;
  var GraphiQL = window.GraphiQL;
  var root = document.getElementById('explorer');

  function fail(message) {
    var p = document.createElement('p');
    p.className = 'explorer-loading';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    root.replaceChildren(p);
  }

  /**
   * GraphiQL reads the operation's name from the query editor a moment after a tab switch: a run
   * started in that moment would send the previous tab's name with this tab's document, and be
   * refused. The name sent is kept only when the document defines it; otherwise a document
   * with one operation gets that operation's name (or none when it is anonymous).
   */
  function withDocumentOperationName(fetcher) {
    return function (params, options) {
      var names = [];
      var text = String(params.query || '').replace(/#[^\n\r]*/g, '');
      var found;
      var operations = /(^|[\s}])(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g;
      var count = 0;
      while ((found = operations.exec(text))) {
        count += 1;
        if (found[3]) names.push(found[3]);
      }
      var shorthand = count === 0 && /^\s*\{/.test(text);
      if (params.operationName && names.indexOf(params.operationName) === -1 && count + (shorthand ? 1 : 0) <= 1) {
        var fixed = Object.assign({}, params);
        if (names.length === 1) fixed.operationName = names[0];
        else delete fixed.operationName;
        return fetcher(fixed, options);
      }
      return fetcher(params, options);
    };
  }

  fetch('/explorer/setup.json', { headers: { accept: 'application/json' } })
    .then(function (res) {
      if (!res.ok) throw new Error('The explorer could not load the schema (HTTP ' + res.status + '). Reload the page in a moment.');
      return res.json();
    })
    .then(function (setup) {
      var docExplorer = GraphiQL.React && GraphiQL.React.DOC_EXPLORER_PLUGIN;
      // Tabs of another version of the examples are not restored over these.
      var storage = GraphiQL.createLocalStorage({ namespace: 'bibia-explorer-' + setup.version });
      ReactDOM.createRoot(root).render(
        React.createElement(GraphiQL, {
          fetcher: withDocumentOperationName(GraphiQL.createFetcher({ url: setup.endpoint })),
          // The schema comes with the page: no introspection query is needed.
          schema: setup.schema,
          defaultTabs: setup.examples.length
            ? setup.examples.map(function (example) {
              return { query: example.query, variables: example.variables };
            })
            : undefined,
          storage: storage,
          // GraphiQL 3 fills the variables editor from this prop only, not from the first tab;
          // once tabs are stored, the prop would overwrite the restored active tab's.
          variables: storage.getItem('tabState') ? undefined : setup.examples[0] && setup.examples[0].variables,
          // A token typed in the headers editor stays in this page only.
          shouldPersistHeaders: false,
          defaultEditorToolsVisibility: 'variables',
          visiblePlugin: docExplorer,
        }),
      );
    })
    .catch(function (err) {
      fail(err && err.message ? err.message : String(err));
    });
})();
