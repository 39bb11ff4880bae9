/*
 * Draftail "glossary" feature: link selected words to a glossary term.
 *
 * The toolbar button opens Wagtail's snippet chooser for home.GlossaryTerm (its URL comes from the
 * feature options, entityType.chooserUrls.glossaryChooser, see home/rich_text.py). The chosen term
 * becomes a GLOSSARY entity with data {id, term}; the server stores it as
 * <a linktype="glossary" id="N">words</a>.
 *
 * Plain browser JavaScript, no build step: React, DraftJS and window.draftail come from Wagtail.
 */
(function () {
  'use strict';

  if (!window.draftail || !window.React || !window.DraftJS) {
    return;
  }

  var React = window.React;
  var DraftJS = window.DraftJS;
  var ModalWorkflowSource = window.draftail.ModalWorkflowSource;
  var TooltipEntity = window.draftail.TooltipEntity;
  var gettext = (window.django && window.django.gettext) || function (text) { return text; };

  class GlossarySource extends ModalWorkflowSource {
    getChooserConfig() {
      var urls = this.props.entityType.chooserUrls || {};
      return {
        url: urls.glossaryChooser,
        urlParams: {},
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { chosen: this.onChosen },
      };
    }

    filterEntityData(data) {
      // the snippet chooser answers {id: "12", string: "Direct payment", edit_url: "..."}
      return { id: Number(data.id), term: data.string };
    }

    // Like ModalWorkflowSource.onChosen, but with a MUTABLE entity (Wagtail only knows the mutability
    // of its own entity types), so typing inside the linked words keeps them linked.
    onChosen(data) {
      var editorState = this.props.editorState;
      var selection = editorState.getSelection();
      var entityData = this.filterEntityData(data);
      var content = editorState
        .getCurrentContent()
        .createEntity(this.props.entityType.type, 'MUTABLE', entityData);
      var entityKey = content.getLastCreatedEntityKey();
      var nextState;

      if (selection.isCollapsed()) {
        // nothing selected: insert the term itself, linked
        content = DraftJS.Modifier.insertText(content, selection, entityData.term, null, entityKey);
        nextState = DraftJS.EditorState.push(editorState, content, 'insert-characters');
      } else {
        nextState = DraftJS.RichUtils.toggleLink(
          DraftJS.EditorState.set(editorState, { currentContent: content }),
          selection,
          entityKey,
        );
      }

      this.workflow.close();
      this.props.onComplete(nextState);
    }
  }

  var helpIcon = React.createElement(
    'svg',
    { className: 'icon icon-help', 'aria-hidden': 'true' },
    React.createElement('use', { href: '#icon-help' }),
  );

  // In the editor: the linked words with a dotted underline; hovering shows the term,
  // clicking opens Wagtail's tooltip (term name, Edit, Remove).
  function GlossaryTerm(props) {
    var data = props.contentState.getEntity(props.entityKey).getData();
    var term = data.term || gettext('Missing glossary term');
    return React.createElement(
      'span',
      { className: 'glossary-draftail-term', title: term },
      React.createElement(TooltipEntity, Object.assign({}, props, { icon: helpIcon, label: term, url: null })),
    );
  }

  window.draftail.registerPlugin(
    { type: 'GLOSSARY', source: GlossarySource, decorator: GlossaryTerm },
    'entityTypes',
  );
})();
