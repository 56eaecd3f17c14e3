// The contract text subset (contract_document.hpp) and the words contracts are written with
// (core/text/human.hpp).
#include "modules/contracts/contract_document.hpp"
#include "core/text/human.hpp"
#include "modules/contracts/contract_pdf.hpp"

#include <gtest/gtest.h>

using namespace declic::contracts;
namespace text = declic::core::text;
namespace dtime = declic::core::time;

TEST(ContractDocument, ParsesHeadingsParagraphsListsAndEmphasis) {
  const auto doc = parse(
      "# Titre\n\nUn **gras** et un *italique*.\nLigne deux\n\n## Sous-titre\n- un\n- deux\n"
      "1. premier\n2. second\nAprès la liste\n");
  ASSERT_EQ(doc.size(), 6u);
  EXPECT_EQ(doc[0].kind, Block::Kind::heading);
  EXPECT_EQ(doc[0].level, 1);
  EXPECT_EQ(doc[0].runs.at(0).text, "Titre");
  ASSERT_EQ(doc[1].runs.size(), 5u);
  EXPECT_TRUE(doc[1].runs[1].bold);
  EXPECT_EQ(doc[1].runs[1].text, "gras");
  EXPECT_TRUE(doc[1].runs[3].italic);
  EXPECT_EQ(doc[1].runs[4].text, ".\nLigne deux");
  EXPECT_EQ(doc[2].level, 2);
  EXPECT_EQ(doc[3].kind, Block::Kind::bullets);
  EXPECT_EQ(doc[3].items.size(), 2u);
  EXPECT_EQ(doc[4].kind, Block::Kind::numbers);
  EXPECT_EQ(doc[4].items.at(1).at(0).text, "second");
  EXPECT_EQ(doc[5].kind, Block::Kind::paragraph);
}

TEST(ContractDocument, FindsUnknownPlaceholdersOnceEach) {
  EXPECT_TRUE(unknown_placeholders("{{client.fullName}} {{ price }} {{today}}").empty());
  EXPECT_EQ(unknown_placeholders("{{a}} {{client.fullName}} {{b}} {{a}}"),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(unknown_placeholders("\\{{a}} {{ unclosed").empty());
}

TEST(ContractDocument, FilledValuesAreAlwaysPlainText) {
  const Values values{{"client.fullName", "**# <b>x</b>\n- 1. {{today}} \\"}, {"today", "T"}};
  const auto filled = fill("{{client.fullName}}\r\n{{missing}}{{today}}", values);
  const auto doc = parse(filled);
  ASSERT_EQ(doc.size(), 1u);
  ASSERT_EQ(doc[0].runs.size(), 1u) << filled;
  EXPECT_FALSE(doc[0].runs[0].bold);
  EXPECT_EQ(doc[0].runs[0].text, "**# <b>x</b> - 1. {{today}} \\\nT");
}

TEST(ContractDocument, ControlCharactersAreDropped) {
  const auto doc = parse(fill("a\x01\x7f b\tc", {}));
  EXPECT_EQ(plain_text(doc), "a b c");
}

TEST(HumanText, WritesDatesTimesAndMoneyAsPeopleRead) {
  const auto paris = *dtime::Zone::find("Europe/Paris");
  // 9 December 2026, 08:30 UTC = 09:30 in Paris; 1 March 2027 in a DST-free week.
  const auto t = *dtime::parse_rfc3339("2026-12-09T08:30:00Z");
  EXPECT_EQ(text::date_time(t, paris, text::Lang::fr),
            "mercredi 9 décembre 2026 à 9\u00A0h\u00A030");
  EXPECT_EQ(text::date_time(t, paris, text::Lang::en), "Wednesday 9 December 2026 at 9:30 am");
  const auto summer = *dtime::parse_rfc3339("2027-07-01T12:00:00Z");
  EXPECT_EQ(text::date_time(summer, paris, text::Lang::fr), "jeudi 1er juillet 2027 à 14\u00A0h");
  // On the days the clocks change, the wall clock, not the time elapsed since midnight.
  const auto spring = *dtime::parse_rfc3339("2027-03-28T07:30:00Z");
  EXPECT_EQ(text::date_time(spring, paris, text::Lang::fr),
            "dimanche 28 mars 2027 à 9\u00A0h\u00A030");
  const auto autumn = *dtime::parse_rfc3339("2027-10-31T16:00:00Z");
  EXPECT_EQ(text::date_time(autumn, paris, text::Lang::en), "Sunday 31 October 2027 at 5:00 pm");
  EXPECT_EQ(text::money(125000, "EUR", text::Lang::fr), "1\u202F250,00\u00A0€");
  EXPECT_EQ(text::money(125000, "EUR", text::Lang::en), "€1,250.00");
  EXPECT_EQ(text::money(5, "CHF", text::Lang::fr), "0,05\u00A0CHF");
  EXPECT_EQ(text::duration(90, text::Lang::fr), "1\u00A0h\u00A030");
  EXPECT_EQ(text::duration(45, text::Lang::en), "45 min");
  EXPECT_EQ(text::clock(0, text::Lang::en), "12:00 am");
  EXPECT_EQ(text::clock(12 * 60 + 5, text::Lang::en), "12:05 pm");
}

TEST(ContractPdf, FrenchTypography) {
  EXPECT_EQ(french_typography("Prix : 250 €; délai: 3 jours ! Vraiment ?"),
            "Prix\u00A0: 250 €\u202F; délai\u00A0: 3 jours\u202F! Vraiment\u202F?");
  EXPECT_EQ(french_typography("le \"droit à l'image\" reste"),
            "le «\u00A0droit à l’image\u00A0» reste");
  // Times, URLs and ratios keep their colons.
  EXPECT_EQ(french_typography("9:30 https://x.fr 16:9"), "9:30 https://x.fr 16:9");
}
