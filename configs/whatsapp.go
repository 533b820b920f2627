package configs

import (
	"regexp"
	"slices"
	"sort"

	"github.com/beatbot-kz/beatbot/core"
)

// templateKinds are the kinds of messages the bot sends on its own, which
// may need a template (core.Reply.Template).
var templateKinds = []string{core.TemplateNotice, core.TemplatePoll, core.TemplateTicket, core.TemplateAlert}

// templateName is Meta's rule for template names, with an optional
// language code of Meta's after "@" where it differs from ours (en_US).
var templateName = regexp.MustCompile(`^[a-z0-9_]{1,512}(@[a-z]{2,3}(_[A-Z]{2})?)?$`)

// templates checks whatsapp.templates: known kinds, supported languages,
// names as Meta allows them. A kind without a template for some language
// is allowed: those messages wait for the person to write.
func (c *checker) templates(doc map[string]map[core.Lang]string) map[string]map[core.Lang]string {
	if len(doc) == 0 {
		return nil
	}
	out := make(map[string]map[core.Lang]string, len(doc))
	kinds := make([]string, 0, len(doc))
	for kind := range doc {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		field := join("whatsapp.templates", kind)
		if !slices.Contains(templateKinds, kind) {
			c.errorf(field, "unknown kind %q (want one of: alert, notice, poll, ticket)", kind)
			continue
		}
		byLang := map[core.Lang]string{}
		for l, name := range doc[kind] {
			switch {
			case !l.Valid():
				c.errorf(join(field, string(l)), "unknown language %q (want kk, ru or en)", l)
			case !templateName.MatchString(name):
				c.errorf(join(field, string(l)), "invalid template name %q: Meta allows lower-case letters, digits and _, optionally followed by @ and Meta's language code, e.g. beatbot_notice@en_US", name)
			default:
				byLang[l] = name
			}
		}
		out[kind] = byLang
	}
	return out
}
