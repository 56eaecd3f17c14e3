#pragma once
#include "core/module.hpp"
#include "modules/bookings/bookings_service.hpp"

namespace declic::bookings {

// /api/bookings/* and GET /api/services/{id}/slots; frees a cancelled project's booking
// (in-transaction subscription to project.status_changed); exposes the booking events to live
// clients as "booking.updated"; expires unanswered requests (housekeeping).
BookingsService& install(core::ModuleContext& m, const BookingsService::Imports& imports,
                         BookingLimits limits);

}  // namespace declic::bookings
