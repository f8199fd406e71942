"""条例第三十一条: the receipt date (收到申请之日) by channel. Plain Python."""

from __future__ import annotations

from datetime import date

# Channels whose receipt date is the day both sides confirm (internet, fax) or the day the
# office confirms an ordinary letter with the applicant: not known until the office registers.
CONFIRMED_ON_REGISTRATION = {"online", "fax", "email", "post_unsigned"}

RECEIPT_RULE = {
    "in_person": "当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）",
    "oral": "口头提出、由公开工作机构代为填写的，以提出之日为收到申请之日（参照条例第三十一条第（一）项）",
    "post_signed": "以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）",
    "post_unsigned": "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）",
    "online": "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
    "email": "通过电子邮件提交的，按互联网渠道，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
    "fax": "通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
}


def receipt_date(channel: str, *, handed_in: date, confirmed: date | None = None) -> date:
    """The Art. 31 receipt date: ``handed_in`` is the day of submission or signature;
    ``confirmed`` the day of mutual confirmation (required for the confirming channels)."""
    if channel in CONFIRMED_ON_REGISTRATION:
        if confirmed is None:
            raise ValueError(f"{channel}: the receipt date is the day of confirmation")
        if confirmed < handed_in:
            raise ValueError("confirmation before submission")
        return confirmed
    return handed_in
