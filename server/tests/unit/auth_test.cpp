#include "core/auth/jwt.hpp"
#include "core/auth/password.hpp"
#include "core/auth/tokens.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <limits>
#include <set>
#include <stdexcept>
#include <string>

using namespace declic::core;
using namespace declic::core::auth;

namespace {

// ---- helpers -------------------------------------------------------------------------------

const std::string kKey(32, 'k');
const std::string kOtherKey(32, 'o');
constexpr std::int64_t kNow = 1'700'000'000;

AccessClaims sample_claims() {
  return {"3f1c2e9a-1111-4a5b-9c2d-0123456789ab", "PROFESSIONNEL",
          "9b8a7c6d-2222-4e5f-8a9b-0123456789cd", kNow, kNow + 900};
}

std::string hmac(std::string_view key, std::string_view data, const EVP_MD* md = EVP_sha256()) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string good_payload(std::int64_t iat = kNow, std::int64_t exp = kNow + 900) {
  return R"({"iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1","iat":)" +
         std::to_string(iat) + R"(,"exp":)" + std::to_string(exp) + "}";
}

constexpr std::string_view kGoodHeader = R"({"alg":"HS256","typ":"at+jwt"})";

// A token built by hand: header and payload JSON as given, HMAC-SHA256 with key.
std::string craft(std::string_view header, std::string_view payload, std::string_view key = kKey) {
  std::string input = base64url_encode(header) + "." + base64url_encode(payload);
  return input + "." + base64url_encode(hmac(key, input));
}

// A token with a literal signature segment (possibly empty).
std::string unsigned_token(std::string_view header, std::string_view payload,
                           std::string_view signature) {
  return base64url_encode(header) + "." + base64url_encode(payload) + "." + std::string(signature);
}

void expect_rejected(const JwtCodec& codec, std::string_view token) {
  auto r = codec.verify(token, kNow);
  ASSERT_FALSE(r.has_value()) << token;
  EXPECT_EQ(r.error().errc, Errc::unauthorized);
  EXPECT_EQ(r.error().detail, "Invalid or expired token.");
}

bool is_base64url(std::string_view s) {
  return s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
         std::string_view::npos;
}

}  // namespace

// ---- base64url -------------------------------------------------------------------------------

TEST(Base64Url, EncodesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
}

TEST(Base64Url, RoundTripsEveryLengthAndByte) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes.push_back(static_cast<char>(i));
    auto encoded = base64url_encode(bytes);
    EXPECT_TRUE(is_base64url(encoded));
    auto decoded = base64url_decode(encoded);
    ASSERT_TRUE(decoded.has_value()) << i;
    EXPECT_EQ(*decoded, bytes);
  }
  EXPECT_EQ(base64url_decode(""), std::optional<std::string>(""));
}

TEST(Base64Url, RejectsPaddingForeignCharactersAndImpossibleLengths) {
  EXPECT_FALSE(base64url_decode("Zg=="));
  EXPECT_FALSE(base64url_decode("Zm8="));
  EXPECT_FALSE(base64url_decode("+/+/"));       // standard alphabet, not URL-safe
  EXPECT_FALSE(base64url_decode("Zm9v YmFy"));  // whitespace
  EXPECT_FALSE(base64url_decode("Zm9v\nYmFy"));
  EXPECT_FALSE(base64url_decode(std::string("Zm\0v", 4)));
  EXPECT_FALSE(base64url_decode("Zm9v."));
  EXPECT_FALSE(base64url_decode("Z"));  // 1 mod 4 cannot encode whole bytes
  EXPECT_FALSE(base64url_decode("Zm9vY"));
  EXPECT_FALSE(base64url_decode("\xc3\xa9t\xc3\xa9"));
}

TEST(Base64Url, RejectsNonCanonicalTrailingBits) {
  EXPECT_TRUE(base64url_decode("Zg"));
  EXPECT_FALSE(base64url_decode("Zh"));  // same byte as "Zg", stray low bits set
  EXPECT_TRUE(base64url_decode("Zm8"));
  EXPECT_FALSE(base64url_decode("Zm9"));
}

// ---- random tokens, hashes, comparison ---------------------------------------------------------

TEST(RandomToken, Is43UrlSafeCharactersOf32Bytes) {
  for (int i = 0; i < 20; ++i) {
    auto token = random_token();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_TRUE(is_base64url(token)) << token;
    auto bytes = base64url_decode(token);
    ASSERT_TRUE(bytes.has_value());
    EXPECT_EQ(bytes->size(), 32u);
  }
}

TEST(RandomToken, IsUniqueAcrossManyDraws) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(TokenHash, Sha256HexMatchesKnownVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(TokenHash, Sha256InPiecesMatchesTheWhole) {
  const std::string nist = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  Sha256 pieces;
  for (std::size_t at = 0; at < nist.size(); at += 5) pieces.update(nist.substr(at, 5));
  EXPECT_EQ(pieces.hex(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(nist), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(TokenHash, Sha256HexIsLowerCaseHexOf64Characters) {
  auto h = sha256_hex(random_token());
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(TokenHash, ConstantTimeEqualComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(constant_time_equal("secret", "secret2"));
  EXPECT_FALSE(constant_time_equal("", "x"));
  EXPECT_TRUE(constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

// ---- passwords
// -----------------------------------------------------------------------------------

class Password : public ::testing::Test {
 protected:
  // One hash for the suite: each costs 19 MiB and two argon2 passes.
  static void SetUpTestSuite() { hash_ = new std::string(hash_password("correct horse")); }
  static void TearDownTestSuite() {
    delete hash_;
    hash_ = nullptr;
  }
  static std::string* hash_;
};
std::string* Password::hash_ = nullptr;

TEST_F(Password, HashIsArgon2idAtTheOwaspMinimum) {
  EXPECT_TRUE(hash_->starts_with("$argon2id$")) << *hash_;
  EXPECT_NE(hash_->find("m=19456,t=2"), std::string::npos) << *hash_;
  EXPECT_FALSE(needs_rehash(*hash_));
}

TEST_F(Password, VerifiesTheRightPasswordOnly) {
  EXPECT_TRUE(verify_password(*hash_, "correct horse"));
  EXPECT_FALSE(verify_password(*hash_, "correct horsE"));
  EXPECT_FALSE(verify_password(*hash_, "correct horse "));
  EXPECT_FALSE(verify_password(*hash_, ""));
}

TEST_F(Password, SaltsEveryHash) {
  auto again = hash_password("correct horse");
  EXPECT_NE(again, *hash_);
  EXPECT_TRUE(verify_password(again, "correct horse"));
}

TEST_F(Password, EmptyPasswordHashesAndVerifies) {
  auto h = hash_password("");
  EXPECT_TRUE(verify_password(h, ""));
  EXPECT_FALSE(verify_password(h, "x"));
}

TEST_F(Password, MalformedHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "correct horse"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse"));
  EXPECT_FALSE(verify_password("$argon2id$", "correct horse"));
  EXPECT_FALSE(verify_password(hash_->substr(0, hash_->size() - 5), "correct horse"));
  EXPECT_FALSE(verify_password(*hash_ + std::string(1, '\0'), "correct horse"));
  EXPECT_FALSE(verify_password(std::string(500, '$'), "correct horse"));
  EXPECT_FALSE(verify_password("$2b$12$abcdefghijklmnopqrstuuJ2l0iC5mC3nE0zfpQy0XJ1g7d6zG7a",
                               "correct horse"));
}

TEST_F(Password, NeedsRehashWhenParametersOrAlgorithmDiffer) {
  std::string weaker = *hash_;
  weaker.replace(weaker.find("t=2"), 3, "t=1");
  EXPECT_TRUE(needs_rehash(weaker));
  std::string argon2i = *hash_;
  argon2i.replace(0, 10, "$argon2i$");
  EXPECT_TRUE(needs_rehash(argon2i));
  EXPECT_TRUE(needs_rehash(""));
  EXPECT_TRUE(needs_rehash("garbage"));
}

// ---- JWT ----------------------------------------------------------------------------------------

TEST(Jwt, SignThenVerifyReturnsTheClaims) {
  JwtCodec codec(kKey);
  auto token = codec.sign(sample_claims());
  auto r = codec.verify(token, kNow);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->subject, sample_claims().subject);
  EXPECT_EQ(r->role, "PROFESSIONNEL");
  EXPECT_EQ(r->session_id, sample_claims().session_id);
  EXPECT_EQ(r->issued_at, kNow);
  EXPECT_EQ(r->expires_at, kNow + 900);
  EXPECT_TRUE(codec.verify(token, kNow + 899).has_value());
}

TEST(Jwt, SignsTheExactHeaderAndRegisteredClaims) {
  JwtCodec codec(kKey);
  auto token = codec.sign(sample_claims());
  auto first_dot = token.find('.');
  auto second_dot = token.find('.', first_dot + 1);
  EXPECT_EQ(base64url_decode(token.substr(0, first_dot)),
            std::optional<std::string>(R"({"alg":"HS256","typ":"at+jwt"})"));
  auto payload = base64url_decode(token.substr(first_dot + 1, second_dot - first_dot - 1));
  ASSERT_TRUE(payload.has_value());
  EXPECT_TRUE(payload->starts_with(R"({"iss":"declic","aud":"declic","sub":")")) << *payload;
  EXPECT_EQ(token.size() - second_dot - 1, 43u);  // 32-byte HMAC-SHA256
}

TEST(Jwt, AcceptsEveryRoleAndAHandCraftedToken) {
  JwtCodec codec(kKey);
  for (std::string role : {"CLIENT", "PROFESSIONNEL", "ADMIN"}) {
    auto claims = sample_claims();
    claims.role = role;
    auto r = codec.verify(codec.sign(claims), kNow);
    ASSERT_TRUE(r.has_value()) << role;
    EXPECT_EQ(r->role, role);
  }
  EXPECT_TRUE(codec.verify(craft(kGoodHeader, good_payload()), kNow).has_value());
}

TEST(Jwt, RejectsAlgNoneInEveryForm) {
  JwtCodec codec(kKey);
  auto p = good_payload();
  for (std::string header :
       {R"({"alg":"none"})", R"({"alg":"none","typ":"at+jwt"})", R"({"alg":"None","typ":"at+jwt"})",
        R"({"alg":"NONE","typ":"at+jwt"})", R"({"alg":"nOnE","typ":"at+jwt"})"}) {
    expect_rejected(codec, unsigned_token(header, p, ""));
    expect_rejected(codec, unsigned_token(header, p, "AAAA"));
    expect_rejected(codec, craft(header, p));  // even with our own valid HMAC
  }
}

TEST(Jwt, RejectsOtherAlgorithmsEvenWithAValidLookingMac) {
  JwtCodec codec(kKey);
  auto p = good_payload();
  for (std::string alg : {"HS512", "HS384", "RS256", "ES256", "hs256", "HS256 ", ""}) {
    expect_rejected(codec, craft(R"({"alg":")" + alg + R"(","typ":"at+jwt"})", p));
  }
  // HS512 with a real HMAC-SHA512 under our key.
  std::string input =
      base64url_encode(R"({"alg":"HS512","typ":"at+jwt"})") + "." + base64url_encode(p);
  expect_rejected(codec, input + "." + base64url_encode(hmac(kKey, input, EVP_sha512())));
  // alg missing or not a string.
  expect_rejected(codec, craft(R"({"typ":"at+jwt"})", p));
  expect_rejected(codec, craft(R"({"alg":null,"typ":"at+jwt"})", p));
  expect_rejected(codec, craft(R"({"alg":["HS256"],"typ":"at+jwt"})", p));
  expect_rejected(codec, craft(R"({"alg":256,"typ":"at+jwt"})", p));
}

TEST(Jwt, RejectsWrongOrMissingTyp) {
  JwtCodec codec(kKey);
  auto p = good_payload();
  expect_rejected(codec, craft(R"({"alg":"HS256","typ":"JWT"})", p));
  expect_rejected(codec, craft(R"({"alg":"HS256","typ":"AT+JWT"})", p));
  expect_rejected(codec, craft(R"({"alg":"HS256"})", p));
  expect_rejected(codec, craft(R"({"alg":"HS256","typ":"at+jwt","crit":["exp"]})", p));
}

TEST(Jwt, RejectsATamperedPayload) {
  JwtCodec codec(kKey);
  auto token = codec.sign(sample_claims());
  auto first_dot = token.find('.');
  auto second_dot = token.find('.', first_dot + 1);
  auto claims = sample_claims();
  claims.role = "ADMIN";
  auto forged = codec.sign(claims);
  auto forged_payload =
      forged.substr(forged.find('.') + 1, forged.rfind('.') - forged.find('.') - 1);
  expect_rejected(codec,
                  token.substr(0, first_dot + 1) + forged_payload + token.substr(second_dot));
  // One flipped character anywhere in the signature.
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  expect_rejected(codec, flipped);
  // Signature of the wrong length.
  expect_rejected(codec, token.substr(0, second_dot + 1) + base64url_encode(std::string(31, 'x')));
}

TEST(Jwt, RejectsATokenSignedWithAnotherKey) {
  JwtCodec codec(kKey);
  JwtCodec other(kOtherKey);
  expect_rejected(codec, other.sign(sample_claims()));
  expect_rejected(codec, craft(kGoodHeader, good_payload(), kOtherKey));
}

TEST(Jwt, RejectsExpiredTokens) {
  JwtCodec codec(kKey);
  auto claims = sample_claims();
  claims.expires_at = kNow;
  expect_rejected(codec, codec.sign(claims));
  claims.expires_at = kNow - 1;
  expect_rejected(codec, codec.sign(claims));
  EXPECT_FALSE(codec.verify(codec.sign(sample_claims()), kNow + 900).has_value());
}

TEST(Jwt, RejectsTokensIssuedTooFarInTheFuture) {
  JwtCodec codec(kKey);
  EXPECT_TRUE(codec.verify(craft(kGoodHeader, good_payload(kNow + 60, kNow + 900)), kNow));
  expect_rejected(codec, craft(kGoodHeader, good_payload(kNow + 61, kNow + 900)));
  EXPECT_FALSE(codec.verify(craft(kGoodHeader, good_payload(kNow, kNow + 900)),
                            std::numeric_limits<std::int64_t>::max() - 1));
}

TEST(Jwt, RejectsWrongIssuerAudienceOrClaims) {
  JwtCodec codec(kKey);
  auto with = [](std::string_view body) { return craft(kGoodHeader, body); };
  constexpr std::string_view kTimes = R"("iat":1700000000,"exp":1700000900)";
  auto payload = [&](std::string_view fields) {
    return "{" + std::string(fields) + "," + std::string(kTimes) + "}";
  };
  const std::string ok = R"("iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1")";
  EXPECT_TRUE(codec.verify(with(payload(ok)), kNow).has_value());

  expect_rejected(
      codec,
      with(payload(R"("iss":"other","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1")")));
  expect_rejected(codec, with(payload(R"("aud":"declic","sub":"u1","role":"CLIENT","sid":"s1")")));
  expect_rejected(
      codec,
      with(payload(R"("iss":"declic","aud":"other","sub":"u1","role":"CLIENT","sid":"s1")")));
  expect_rejected(
      codec,
      with(payload(R"("iss":"declic","aud":["declic"],"sub":"u1","role":"CLIENT","sid":"s1")")));
  expect_rejected(codec, with(payload(R"("iss":"declic","sub":"u1","role":"CLIENT","sid":"s1")")));
  expect_rejected(codec,
                  with(payload(R"("iss":"declic","aud":"declic","role":"CLIENT","sid":"s1")")));
  expect_rejected(
      codec, with(payload(R"("iss":"declic","aud":"declic","sub":"","role":"CLIENT","sid":"s1")")));
  expect_rejected(
      codec, with(payload(R"("iss":"declic","aud":"declic","sub":42,"role":"CLIENT","sid":"s1")")));
  expect_rejected(
      codec, with(payload(R"("iss":"declic","aud":"declic","sub":"u1","role":"ROOT","sid":"s1")")));
  expect_rejected(
      codec,
      with(payload(R"("iss":"declic","aud":"declic","sub":"u1","role":"admin","sid":"s1")")));
  expect_rejected(codec, with(payload(R"("iss":"declic","aud":"declic","sub":"u1","sid":"s1")")));
  expect_rejected(codec,
                  with(payload(R"("iss":"declic","aud":"declic","sub":"u1","role":"CLIENT")")));
  expect_rejected(
      codec, with(payload(R"("iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"")")));
  // iat / exp must be integers.
  expect_rejected(
      codec,
      with(
          R"({"iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1","iat":1700000000,"exp":"1700000900"})"));
  expect_rejected(
      codec,
      with(
          R"({"iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1","iat":1700000000,"exp":1700000900.5})"));
  expect_rejected(
      codec,
      with(
          R"({"iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1","exp":1700000900})"));
  expect_rejected(
      codec,
      with(
          R"({"iss":"declic","aud":"declic","sub":"u1","role":"CLIENT","sid":"s1","iat":1700000000})"));
  // Not an object, not JSON.
  expect_rejected(codec, with(R"(["declic"])"));
  expect_rejected(codec, with("not json"));
  expect_rejected(codec, with(good_payload() + "x"));
}

TEST(Jwt, RejectsMalformedTokens) {
  JwtCodec codec(kKey);
  auto token = codec.sign(sample_claims());
  auto first_dot = token.find('.');
  auto second_dot = token.find('.', first_dot + 1);
  for (std::string garbage : {"", ".", "..", "...", "garbage", "a.b.c", "Bearer x.y.z", "ü.ö.ä"}) {
    expect_rejected(codec, garbage);
  }
  expect_rejected(codec, token.substr(0, second_dot));        // two segments
  expect_rejected(codec, token + ".AAAA");                    // four segments
  expect_rejected(codec, token + ".");                        // empty fourth
  expect_rejected(codec, token.substr(0, second_dot + 1));    // empty signature
  expect_rejected(codec, "." + token.substr(first_dot + 1));  // empty header
  expect_rejected(codec, token.substr(0, first_dot) + ".." + token.substr(second_dot + 1));
  expect_rejected(codec, token + "=");  // padding
  expect_rejected(codec, " " + token);
  expect_rejected(codec, std::string(5000, 'a'));
  // A correctly signed token over the size limit.
  std::string big = good_payload();
  big.insert(1, R"("pad":")" + std::string(4000, 'x') + R"(",)");
  expect_rejected(codec, craft(kGoodHeader, big));
  // Non-JSON or non-object header, with a valid MAC over it.
  expect_rejected(codec, craft("not json", good_payload()));
  expect_rejected(codec, craft(R"(["HS256"])", good_payload()));
  expect_rejected(codec, craft(R"({"alg":"HS256","typ":"at+jwt"} trailing)", good_payload()));
  expect_rejected(codec, unsigned_token("\xff\xfe", good_payload(), "AAAA"));
}

TEST(Jwt, RejectsAKeyShorterThan32Bytes) {
  EXPECT_THROW(JwtCodec(std::string(31, 'k')), std::invalid_argument);
  EXPECT_NO_THROW(JwtCodec(std::string(32, 'k')));
}
