/**
 * The look of Banshi's generated forms: rjsf's plain controls styled with the app's antd theme
 * values (border, radius, the primary red), one column, labels above their fields. The focus ring
 * is blue, not the red of errors: a field being typed in must not look wrong (3:1 and more against
 * white and the grey of a read-only field, WCAG 2.4.7 / 1.4.11).
 */
import { FOCUS } from '../../applicant/theme-colours.js';
import { MARKED_CLASS } from './prepare-ui-schema.js';

const PRIMARY = '#c8161d';
const ERROR = '#c8161d';
const BORDER = '#d9d9d9';

export const FORM_STYLE = `.${MARKED_CLASS}{border-inline-start:4px solid #d46b08;padding-inline-start:12px;background:#fff7e6}
.banshi-form fieldset{border:0;padding:0;margin:0;min-width:0}
.banshi-form fieldset fieldset{margin-top:8px}
.banshi-form legend{font-size:16px;font-weight:600;margin:8px 0 12px;padding:0}
.banshi-form legend .required{color:${ERROR};margin-inline-start:4px}
.banshi-form .banshi-property-lazy{content-visibility:auto;contain-intrinsic-size:auto 80px;padding:0 4px;margin:0 -4px}
.banshi-form .banshi-field{margin-bottom:20px}
.banshi-form .banshi-label{display:block;padding-bottom:6px;color:rgba(0,0,0,.88);font-size:14px}
.banshi-form .banshi-label-required::before{content:'*';color:${ERROR};margin-inline-end:4px;font-family:SimSun,sans-serif}
.banshi-form .form-control{box-sizing:border-box;width:100%;max-width:560px;min-height:32px;padding:4px 11px;font:inherit;font-size:14px;line-height:1.5714;color:rgba(0,0,0,.88);background:#fff;border:1px solid ${BORDER};border-radius:6px;transition:border-color .2s,box-shadow .2s}
.banshi-form textarea.form-control{max-width:none;min-height:72px;resize:vertical}
.banshi-form .form-control:hover{border-color:#8c8c8c}
.banshi-form .form-control:focus,.banshi-form .form-control:focus-visible{outline:2px solid ${FOCUS};outline-offset:1px;border-color:${FOCUS}}
.banshi-form input[type=radio]:focus-visible,.banshi-form input[type=checkbox]:focus-visible{outline:2px solid ${FOCUS};outline-offset:2px}
.banshi-form .ant-btn:not(:disabled):focus-visible{outline:2px solid ${FOCUS};outline-offset:2px}
.banshi-form fieldset.banshi-field{margin:0 0 20px}
.banshi-form legend.banshi-label{font-size:14px;font-weight:400;margin:0;padding:0 0 6px}
.banshi-form .banshi-region{display:flex;flex-wrap:wrap;gap:8px 12px}
.banshi-form .banshi-region>div{flex:1 1 200px;max-width:274px;min-width:0}
.banshi-form .banshi-sublabel{display:block;padding-bottom:4px;color:#595959;font-size:13px}
.banshi-form .form-control[readonly],.banshi-form .form-control:disabled{color:rgba(0,0,0,.65);background:#f5f5f5;cursor:default}
.banshi-form .banshi-field-error .form-control{border-color:${ERROR}}
.banshi-form .banshi-errors{color:${ERROR};font-size:14px;line-height:1.5714;margin-top:4px}
.banshi-form .banshi-help{color:#595959;font-size:14px;margin-top:4px}
.banshi-form .field-radio-group,.banshi-form .checkboxes{display:flex;flex-wrap:wrap;gap:8px 24px;padding:4px 0}
.banshi-form .radio label,.banshi-form .checkbox label,.banshi-form .radio-inline,.banshi-form .checkbox-inline{display:inline-flex;align-items:center;gap:8px;min-height:32px;cursor:pointer}
.banshi-form input[type=radio],.banshi-form input[type=checkbox]{width:16px;height:16px;margin:0 8px 0 0;vertical-align:-3px;accent-color:${PRIMARY}}
.banshi-form .banshi-affix{display:flex;align-items:stretch;max-width:320px}
.banshi-form .banshi-affix>span{display:flex;align-items:center;padding:0 11px;color:#595959;background:#fafafa;border:1px solid ${BORDER};border-inline-end:0;border-radius:6px 0 0 6px}
.banshi-form .banshi-affix>.form-control{border-radius:0 6px 6px 0}
.banshi-form .array-item-list>*{display:flex;gap:8px;align-items:flex-start;margin-bottom:12px}
.banshi-form .array-item-list>*>:first-child{flex:1;min-width:0}
.banshi-form .rjsf-field-hidden{display:none}`;
