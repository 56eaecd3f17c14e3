#include "modules/services/services_json.hpp"

#include "core/http/json.hpp"
#include "modules/images/images_model.hpp"

#include <boost/json.hpp>

namespace declic::services {

boost::json::value service_json(const Service& s, bool staff) {
  boost::json::object o{
      {"id", s.id},
      {"professionalId", s.professional_id},
      {"name", s.name},
      {"description", s.description},
      {"category", s.category},
      {"durationMinutes", s.duration_minutes},
      {"priceCents", s.price_cents},
      {"currency", s.currency},
      {"depositCents", s.deposit_cents},
      {"bufferBeforeMinutes", s.buffer_before_minutes},
      {"bufferAfterMinutes", s.buffer_after_minutes},
      {"minNoticeHours", s.min_notice_hours},
      {"active", s.active},
      {"included", boost::json::value_from(s.included)},
      {"coverUrl", s.cover_image_id ? boost::json::value(images::image_url(*s.cover_image_id))
                                    : boost::json::value(nullptr)},
      {"createdAt", s.created_at},
      {"updatedAt", s.updated_at}};
  if (staff) o["defaultContractTemplateId"] = core::http::nullable(s.default_contract_template_id);
  return o;
}

}  // namespace declic::services
