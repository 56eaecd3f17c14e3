#pragma once
// A contract's text: the small Markdown subset staff write templates in, and the
// placeholders they pick from a list.
//
//   # Heading            ## Sub-heading          a blank line ends a paragraph
//   - bulleted item      1. numbered item        a single newline is a line break
//   **bold**  *italic*   \* a backslash makes the next punctuation character plain text
//   {{client.fullName}}  a placeholder (kPlaceholders); any other name is refused on saving
//
// Filling a template replaces each placeholder with its value escaped, so that a value is
// always plain text: a client named "**# <script>" reads exactly so in the page and the PDF.
// The web app and the PDF both typeset the parsed blocks, never the text itself.

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace declic::contracts {

inline constexpr std::array<std::string_view, 21> kPlaceholders{"client.fullName",
                                                                "client.firstName",
                                                                "client.lastName",
                                                                "client.email",
                                                                "client.phone",
                                                                "client.address",
                                                                "service.name",
                                                                "service.description",
                                                                "service.duration",
                                                                "booking.start",
                                                                "booking.date",
                                                                "booking.time",
                                                                "price",
                                                                "deposit",
                                                                "balance",
                                                                "studio.name",
                                                                "studio.legalName",
                                                                "studio.address",
                                                                "studio.siret",
                                                                "studio.vat",
                                                                "today"};

struct Run {
  std::string text;  // "\n" is a line break
  bool bold = false, italic = false;
};
using Runs = std::vector<Run>;

struct Block {
  enum class Kind { heading, paragraph, bullets, numbers };
  Kind kind = Kind::paragraph;
  int level = 1;            // headings: 1 or 2
  Runs runs;                // headings and paragraphs
  std::vector<Runs> items;  // lists
};
using Document = std::vector<Block>;

using Values = std::map<std::string, std::string, std::less<>>;

// The placeholder names `body` uses that are not in kPlaceholders, each once, in order.
std::vector<std::string> unknown_placeholders(std::string_view body);

// `body` with every known placeholder replaced by its value made plain text (missing values
// are empty), control characters dropped and line ends made "\n".
std::string fill(std::string_view body, const Values& values);

// A value as plain text in the subset: punctuation escaped, line breaks and control
// characters turned into spaces.
std::string plain(std::string_view value);

Document parse(std::string_view body);

// The document's text without its markup, blocks separated by blank lines (tests, search).
std::string plain_text(const Document& doc);

}  // namespace declic::contracts
