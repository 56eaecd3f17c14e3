#include "modules/contracts/contract_document.hpp"

#include <algorithm>
#include <cctype>

namespace declic::contracts {

namespace {

bool is_punct(char c) {
  return std::ispunct(static_cast<unsigned char>(c)) != 0;
}

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

bool known(std::string_view key) {
  return std::find(kPlaceholders.begin(), kPlaceholders.end(), key) != kPlaceholders.end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Walks `body` and calls on_text for plain stretches and on_placeholder for each {{name}};
// an escaped character is plain text with its backslash kept.
template <class Text, class Placeholder>
void scan(std::string_view body, Text on_text, Placeholder on_placeholder) {
  std::size_t i = 0;
  while (i < body.size()) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      on_text(body.substr(i, 2));
      i += 2;
      continue;
    }
    if (body.compare(i, 2, "{{") == 0) {
      const auto end = body.find("}}", i + 2);
      if (end != std::string_view::npos && end - i <= 64) {
        on_placeholder(trim(body.substr(i + 2, end - i - 2)));
        i = end + 2;
        continue;
      }
    }
    on_text(body.substr(i, 1));
    ++i;
  }
}

// Line ends as "\n", tabs as spaces, other control characters gone.
std::string normalised(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
    } else if (c == '\t') {
      out += ' ';
    } else if (!is_control(c)) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// **bold**, *italic* and escapes within one block's text.
Runs inline_runs(std::string_view text) {
  Runs runs;
  Run current;
  const auto flush = [&] {
    if (!current.text.empty()) runs.push_back(current);
    current.text.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && is_punct(text[i + 1])) {
      current.text += text[++i];
    } else if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
      flush();
      current.bold = !current.bold;
      ++i;
    } else if (c == '*') {
      flush();
      current.italic = !current.italic;
    } else {
      current.text += c;
    }
  }
  flush();
  return runs;
}

std::size_t numbered_prefix(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && digits < 4 &&
         std::isdigit(static_cast<unsigned char>(line[digits])))
    ++digits;
  if (digits == 0 || line.substr(digits, 2) != ". ") return 0;
  return digits + 2;
}

}  // namespace

std::vector<std::string> unknown_placeholders(std::string_view body) {
  std::vector<std::string> unknown;
  scan(
      body, [](std::string_view) {},
      [&](std::string_view key) {
        if (!known(key) && std::find(unknown.begin(), unknown.end(), key) == unknown.end())
          unknown.emplace_back(key);
      });
  return unknown;
}

std::string plain(std::string_view value) {
  std::string out;
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (is_control(c)) {
      continue;
    } else {
      if (is_punct(ch)) out += '\\';
      out += ch;
    }
  }
  return std::string(trim(out));
}

std::string fill(std::string_view body, const Values& values) {
  std::string out;
  scan(
      body, [&](std::string_view text) { out += text; },
      [&](std::string_view key) {
        if (const auto v = values.find(key); v != values.end()) out += plain(v->second);
      });
  return normalised(out);
}

Document parse(std::string_view body) {
  Document doc;
  std::string paragraph;
  const auto end_paragraph = [&] {
    if (!paragraph.empty()) doc.push_back({Block::Kind::paragraph, 1, inline_runs(paragraph), {}});
    paragraph.clear();
  };
  const auto list_item = [&](Block::Kind kind, std::string_view text) {
    end_paragraph();
    if (doc.empty() || doc.back().kind != kind) doc.push_back({kind, 1, {}, {}});
    doc.back().items.push_back(inline_runs(text));
  };
  const auto text = normalised(body);
  std::string_view rest = text;
  Block::Kind previous = Block::Kind::paragraph;
  while (!rest.empty()) {
    const auto eol = rest.find('\n');
    auto line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (line.empty()) {
      end_paragraph();
      previous = Block::Kind::paragraph;
      continue;
    }
    if (line.starts_with("# ") || line.starts_with("## ")) {
      end_paragraph();
      const int level = line[1] == '#' ? 2 : 1;
      doc.push_back({Block::Kind::heading, level, inline_runs(trim(line.substr(level + 1))), {}});
      previous = Block::Kind::heading;
    } else if (line.starts_with("- ")) {
      list_item(previous = Block::Kind::bullets, trim(line.substr(2)));
    } else if (const auto n = numbered_prefix(line)) {
      list_item(previous = Block::Kind::numbers, trim(line.substr(n)));
    } else {
      // A line right after a list item or heading starts a paragraph of its own.
      if (previous != Block::Kind::paragraph) end_paragraph();
      if (!paragraph.empty()) paragraph += '\n';
      paragraph += line;
      previous = Block::Kind::paragraph;
    }
  }
  end_paragraph();
  return doc;
}

std::string plain_text(const Document& doc) {
  std::string out;
  const auto add = [&out](const Runs& runs) {
    for (const auto& r : runs) out += r.text;
  };
  for (const auto& block : doc) {
    if (!out.empty()) out += "\n\n";
    add(block.runs);
    for (std::size_t i = 0; i < block.items.size(); ++i) {
      if (i) out += '\n';
      add(block.items[i]);
    }
  }
  return out;
}

}  // namespace declic::contracts
